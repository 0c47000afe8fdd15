<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>Tongban Workstation</source>
        <translation>通办工作站</translation>
    </message>
    <message>
        <source>Workstation data folder.</source>
        <translation>工作站数据目录。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>zh_CN (default) or en.</source>
        <translation>zh_CN（默认）或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Save a PNG of the window (each screen when the name contains %1) and quit.</source>
        <translation>保存窗口截图 PNG（文件名含 %1 时保存每个页面）后退出。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Print &quot;ready &lt;ms since start&gt;&quot; once the first screen is painted, then quit (start-up benchmark).</source>
        <translation>首个页面绘制完成后输出“ready &lt;启动毫秒数&gt;”并退出（启动基准测试）。</translation>
    </message>
</context>
<context>
    <name>Tongban::App</name>
    <message>
        <source>No platform address is configured for this workstation. Ask IT support to set [platform] url in tongban.conf.</source>
        <translation>本工作站未配置平台地址。请联系信息技术人员在 tongban.conf 中设置 [platform] url。</translation>
    </message>
    <message>
        <source>another window</source>
        <translation>另一窗口</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚才</translation>
    </message>
    <message>
        <source>Your account signed in at %1 at %2, so the sign-in at this window has ended. The open case is kept. To go on working here, sign in again (this ends the other sign-in). If it was not you, change your password and tell your supervisor.</source>
        <translation>您的账号已于 %2 在 %1 登录，本窗口的登录已结束。正在办理的案件已保存。如需在本窗口继续办理，请重新登录（另一窗口的登录将随之结束）。如果不是您本人操作，请立即修改密码并报告负责人。</translation>
    </message>
    <message>
        <source>Enter the applicant&apos;s identity number or credit code from their document before opening the notice.</source>
        <translation>请先按申请人的证件录入身份证号码或统一社会信用代码，再打开告知书。</translation>
    </message>
    <message>
        <source>The notice was issued under catalogue version %1, which this workstation does not hold. Update the catalogue from the platform, then open the notice again.</source>
        <translation>该告知书依据 %1 版清单出具，本机没有该版本。请从平台更新清单后再打开告知书。</translation>
    </message>
    <message>
        <source>The notice names an item or materials that catalogue version %1 does not have. Report it to the platform&apos;s administrator.</source>
        <translation>告知书列出的事项或材料不在 %1 版清单中。请报告平台管理员。</translation>
    </message>
    <message>
        <source>This request for correction concerns a case that is not on this workstation. Ask IT support to check the window&apos;s data folder.</source>
        <translation>这份补正要求所涉办件不在本工作站。请联系信息技术人员检查本窗口的数据文件夹。</translation>
    </message>
    <message>
        <source>This request for correction has already been handled at this step. Refresh Today and go on from where the case is.</source>
        <translation>这份补正要求的这一步已经办理。请刷新“今日”，从办件当前所处环节继续。</translation>
    </message>
    <message>
        <source>A request for correction from the platform could not be read. Tell IT support.</source>
        <translation>无法读取平台发来的补正要求。请联系信息技术人员。</translation>
    </message>
    <message>
        <source>The home department asks for correction of case %1: the applicant brings the listed materials by %2.</source>
        <translation>属地审批部门要求补正办件 %1：申请人须在 %2 前补齐所列材料。</translation>
    </message>
    <message>
        <source>No page was captured for the materials the home department asked for. Capture them, then send again.</source>
        <translation>属地审批部门要求补正的材料尚未采集任何页面。请先采集，再重新发送。</translation>
    </message>
</context>
<context>
    <name>Tongban::App::WindowSettings</name>
    <message>
        <source>%1 in %2 is not a valid platform address: write it as https://host[:port].</source>
        <translation>%2 中的 %1 不是有效的平台地址，请写成 https://主机名[:端口]。</translation>
    </message>
    <message>
        <source>%1 in %2 names the file %3, which cannot be read: put the platform&apos;s CA certificate (PEM) there or correct the path.</source>
        <translation>%2 中的 %1 指向的文件 %3 无法读取：请将平台的 CA 证书（PEM 格式）放在该位置，或更正路径。</translation>
    </message>
    <message>
        <source>%1 in %2 must be a whole number of kilobits per second (0 for no cap), not &quot;%3&quot;.</source>
        <translation>%2 中的 %1 必须是以千比特每秒为单位的整数（0 表示不限速），不能是“%3”。</translation>
    </message>
    <message>
        <source>%1 in %2 must be a number of minutes from 1 to 240, not &quot;%3&quot;.</source>
        <translation>%2 中的 %1 必须是 1 到 240 之间的分钟数，不能是“%3”。</translation>
    </message>
    <message>
        <source>%1 in %2 must be true or false, not &quot;%3&quot;.</source>
        <translation>%2 中的 %1 只能是 true 或 false，不能是“%3”。</translation>
    </message>
    <message>
        <source>%1 in %2 must be zh_CN or en, not &quot;%3&quot;.</source>
        <translation>%2 中的 %1 只能是 zh_CN 或 en，不能是“%3”。</translation>
    </message>
    <message>
        <source>%1 in %2 must be the 6-digit administrative code of the jurisdiction, not &quot;%3&quot;.</source>
        <translation>%2 中的 %1 必须是属地的 6 位行政区划代码，不能是“%3”。</translation>
    </message>
    <message>
        <source>%1 is not set: run tongban-cli setup --window ID --name NAME (it writes %2).</source>
        <translation>未设置 %1：请运行 tongban-cli setup --window 窗口编号 --name 窗口名称（写入 %2）。</translation>
    </message>
    <message>
        <source>%1 is not set: set it in the hall&apos;s file %2 (or in %3 for this window only).</source>
        <translation>未设置 %1：请在大厅统一配置文件 %2 中设置（仅对本窗口生效时写入 %3）。</translation>
    </message>
    <message>
        <source>The window&apos;s settings could not be written to %1. Check that this account may write there.</source>
        <translation>无法将窗口设置写入 %1。请检查当前账户是否有该位置的写入权限。</translation>
    </message>
    <message>
        <source>%1 for %2 must be the window&apos;s id as the platform knows it (e.g. 410402-tb-03), not &quot;%3&quot;.</source>
        <translation>%2 中的 %1 必须是平台登记的窗口编号（例如 410402-tb-03），不能是“%3”。</translation>
    </message>
    <message>
        <source>%1 for %2 must give the window&apos;s name as printed on notices (e.g. 卫东区政务服务中心2号通办窗口).</source>
        <translation>%2 中的 %1 必须填写告知书上印的窗口名称（例如 卫东区政务服务中心2号通办窗口）。</translation>
    </message>
</context>
<context>
    <name>Tongban::Assist</name>
    <message>
        <source>The home windows of this item are outside their office hours now, so nobody was called. They are next open on %1 (Beijing time); call again then.</source>
        <translation>此事项的属地窗口现在不在办公时间，未呼叫任何窗口。下次办公时间为 %1（北京时间），届时请再呼叫。</translation>
    </message>
    <message>
        <source>The home windows of this item are outside their office hours now, so nobody was called. Call again within their office hours.</source>
        <translation>此事项的属地窗口现在不在办公时间，未呼叫任何窗口。请在办公时间内再呼叫。</translation>
    </message>
    <message>
        <source>The call&apos;s data connection is not open yet.</source>
        <translation>通话的数据连接尚未建立。</translation>
    </message>
    <message>
        <source>This page cannot be shown.</source>
        <translation>无法展示此页面。</translation>
    </message>
    <message>
        <source>Show a page before marking it.</source>
        <translation>请先展示页面，再进行标注。</translation>
    </message>
    <message>
        <source>This mark is outside the page.</source>
        <translation>标注超出了页面范围。</translation>
    </message>
    <message>
        <source>A part of a call recording was changed or lost on this workstation and cannot be sent. Tell IT staff.</source>
        <translation>本工作站上的一段通话录像已被改动或丢失，无法上传。请告知信息技术人员。</translation>
    </message>
    <message>
        <source>The connection to the platform is down, so the call cannot go through. Wait until Today shows the platform connected, then try again.</source>
        <translation>与平台的连接已中断，呼叫无法接通。请等“今日”页显示平台已连接后再试。</translation>
    </message>
    <message>
        <source>The call&apos;s media could not be negotiated.</source>
        <translation>无法与对方协商通话的音视频。</translation>
    </message>
    <message>
        <source>The other window&apos;s call description was refused.</source>
        <translation>对方窗口发来的通话参数被拒绝。</translation>
    </message>
    <message>
        <source>The microphone for the call stopped working. Check the headset, then call again.</source>
        <translation>通话用的麦克风停止工作。请检查耳麦，然后重新呼叫。</translation>
    </message>
    <message>
        <source>The call&apos;s picture and sound stopped.</source>
        <translation>通话的画面和声音中断了。</translation>
    </message>
    <message>
        <source>This call&apos;s media has already started.</source>
        <translation>本次通话的音视频已经开始。</translation>
    </message>
    <message>
        <source>Video calls need GStreamer parts that are not installed on this workstation. Ask IT staff to run the installer again.</source>
        <translation>视频通话所需的 GStreamer 组件未安装在本工作站上。请联系 IT 人员重新运行安装程序。</translation>
    </message>
    <message>
        <source>The camera or microphone setting for calls is not a device name.</source>
        <translation>通话用摄像头或麦克风的设置不是有效的设备名称。</translation>
    </message>
    <message>
        <source>The call&apos;s picture and sound could not be set up.</source>
        <translation>无法建立通话的画面和声音。</translation>
    </message>
    <message>
        <source>The camera or microphone for the call could not be opened. Check that they are plugged in and not used by another program.</source>
        <translation>无法打开通话用的摄像头或麦克风。请检查是否已插好、是否被其他程序占用。</translation>
    </message>
    <message>
        <source>The other window sent a call description that cannot be read.</source>
        <translation>对方窗口发来的通话参数无法读取。</translation>
    </message>
    <message>
        <source>No picture or sound could reach the other window. The network between the halls may block calls: tell IT staff.</source>
        <translation>画面和声音无法到达对方窗口。大厅之间的网络可能阻止了通话，请告知 IT 人员。</translation>
    </message>
    <message>
        <source>The shared page arrived damaged. Ask the other window to share it again.</source>
        <translation>共享的页面传输中已损坏，请对方窗口重新展示。</translation>
    </message>
    <message>
        <source>The marked-up page could not be drawn.</source>
        <translation>无法生成标注后的页面。</translation>
    </message>
    <message>
        <source>The camera for the call stopped: %1. The other window no longer sees you; check the camera&apos;s cable.</source>
        <translation>通话用摄像头已停止：%1。对方已看不到本窗口画面，请检查摄像头连线。</translation>
    </message>
    <message>
        <source>the camera was unplugged</source>
        <translation>相机被拔出</translation>
    </message>
    <message>
        <source>Nothing has come from the other window for %1 seconds: its computer or network may have stopped. The call has ended; call again.</source>
        <translation>已有 %1 秒未收到对方窗口的画面和声音，对方电脑或网络可能已中断。本次通话已结束，请重新呼叫。</translation>
    </message>
</context>
<context>
    <name>Tongban::Catalog</name>
    <message>
        <source>nested deeper than %1 levels</source>
        <translation>嵌套超过 %1 层</translation>
    </message>
    <message>
        <source>has %1 entries, more than the limit of %2</source>
        <translation>有 %1 项，超过上限 %2 项</translation>
    </message>
    <message>
        <source>has a key longer than 100 characters</source>
        <translation>含有长度超过 100 个字符的键名</translation>
    </message>
    <message>
        <source>duplicate option &quot;%1&quot;</source>
        <translation>选项“%1”重复</translation>
    </message>
    <message>
        <source>a yes/no fact has no options</source>
        <translation>“是/否”类情形不应有选项</translation>
    </message>
    <message>
        <source>duplicate id &quot;%1&quot; (first at %2)</source>
        <translation>标识“%1”重复（首次出现在 %2）</translation>
    </message>
    <message>
        <source>must be a path inside the catalogue folder</source>
        <translation>必须是清单目录内的相对路径</translation>
    </message>
    <message>
        <source>duplicate code &quot;%1&quot;</source>
        <translation>代码“%1”重复</translation>
    </message>
    <message>
        <source>contains the catch-all wording &quot;%1&quot;: a guide must name each material exactly</source>
        <translation>含有兜底性表述“%1”：办事指南必须逐一写明每项材料</translation>
    </message>
    <message>
        <source>originals and copies cannot both be 0</source>
        <translation>原件和复印件份数不能同时为 0</translation>
    </message>
    <message>
        <source>ignored: the material is not tolerable</source>
        <translation>已忽略：该材料不适用容缺受理</translation>
    </message>
    <message>
        <source>names no sample: &quot;%1&quot; is not in /samples</source>
        <translation>指向不存在的样表：/samples 中没有“%1”</translation>
    </message>
    <message>
        <source>names no review point of this material: &quot;%1&quot;</source>
        <translation>指向本材料不存在的审查要点：“%1”</translation>
    </message>
    <message>
        <source>a region needs a positive width and height</source>
        <translation>标注区域的宽和高必须大于 0</translation>
    </message>
    <message>
        <source>the region lies outside the sample</source>
        <translation>标注区域在样表之外</translation>
    </message>
    <message>
        <source>the region reaches outside the sample and was trimmed</source>
        <translation>标注区域超出样表范围，已裁剪</translation>
    </message>
    <message>
        <source>no review point is drawn on the sample</source>
        <translation>样表上未标注任何审查要点</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of: %2</source>
        <translation>“%1”不是以下取值之一：%2</translation>
    </message>
    <message>
        <source>the promised time limit (%1 working days) exceeds the legal one (%2)</source>
        <translation>承诺办结时限（%1 个工作日）超过法定办结时限（%2 个工作日）</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>the document is %1 MiB, more than the limit of %2 MiB</source>
        <translation>文件大小 %1 MiB，超过上限 %2 MiB</translation>
    </message>
    <message>
        <source>the document is not valid UTF-8 text</source>
        <translation>文件不是有效的 UTF-8 文本</translation>
    </message>
    <message>
        <source>not valid JSON at byte %1: %2</source>
        <translation>第 %1 字节处 JSON 格式错误：%2</translation>
    </message>
    <message>
        <source>the document must be a JSON object</source>
        <translation>文件顶层必须是 JSON 对象</translation>
    </message>
    <message>
        <source>must be &quot;tongban-catalog&quot;: this is not a catalogue</source>
        <translation>应为“tongban-catalog”：这不是通办事项清单文件</translation>
    </message>
    <message>
        <source>format version %1 is newer than this workstation understands (%2): update the workstation</source>
        <translation>格式版本 %1 高于本工作站支持的版本（%2）：请升级工作站</translation>
    </message>
    <message>
        <source>not an ISO 8601 date and time</source>
        <translation>不是 ISO 8601 格式的日期时间</translation>
    </message>
    <message>
        <source>duplicate item code &quot;%1&quot; (first at %2)</source>
        <translation>事项编码“%1”重复（首次出现在 %2）</translation>
    </message>
    <message numerus="yes">
        <source>The catalogue was refused: it has %n error(s). The catalogue in force stays in force.</source>
        <translation>
            <numerusform>清单未被采用：发现 %n 处错误。现行清单继续有效。</numerusform>
        </translation>
    </message>
    <message>
        <source>The catalogue could not be stored; the catalogue in force stays in force. %1</source>
        <translation>清单未能保存，现行清单继续有效。%1</translation>
    </message>
    <message>
        <source>No catalogue has been received yet. Connect to the platform, or ask IT to import one.</source>
        <translation>尚未收到通办事项清单。请连接平台，或请信息技术人员导入。</translation>
    </message>
    <message>
        <source>That catalogue version is not stored here.</source>
        <translation>本机没有该版本的清单。</translation>
    </message>
    <message>
        <source>The stored catalogue no longer validates. Import it again from the platform.</source>
        <translation>本机保存的清单已无法通过校验。请从平台重新导入。</translation>
    </message>
    <message>
        <source>The condition &quot;%1&quot; is not valid: %2</source>
        <translation>情形条件“%1”无效：%2</translation>
    </message>
    <message>
        <source>required, but missing</source>
        <translation>必填，但缺失</translation>
    </message>
    <message>
        <source>must be text, not %1</source>
        <translation>应为文本，而不是 %1</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation>超过 %1 个字符</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not of the form %2</source>
        <translation>“%1”不符合格式 %2</translation>
    </message>
    <message>
        <source>must be a whole number, not %1</source>
        <translation>应为整数，而不是 %1</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>应在 %1 到 %2 之间</translation>
    </message>
    <message>
        <source>must be true or false, not %1</source>
        <translation>应为 true 或 false，而不是 %1</translation>
    </message>
    <message>
        <source>must be a number, not %1</source>
        <translation>应为数值，而不是 %1</translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation>应为对象，而不是 %1</translation>
    </message>
    <message>
        <source>is empty: fill in this entry or remove it</source>
        <translation>此条目为空：请填写或删除</translation>
    </message>
    <message>
        <source>must be a list, not %1</source>
        <translation>应为列表，而不是 %1</translation>
    </message>
    <message>
        <source>needs at least %1 entries, has %2</source>
        <translation>至少需要 %1 项，当前 %2 项</translation>
    </message>
    <message>
        <source>must be non-empty text</source>
        <translation>应为非空文本</translation>
    </message>
    <message>
        <source>unknown key, ignored</source>
        <translation>未知字段，已忽略</translation>
    </message>
</context>
<context>
    <name>Tongban::Cli</name>
    <message>
        <source>--window must be the window&apos;s id as the platform knows it (e.g. 410402-tb-03), not &quot;%1&quot;.</source>
        <translation>--window 必须是平台登记的窗口编号（例如 410402-tb-03），不能是“%1”。</translation>
    </message>
    <message>
        <source>--name must give the window&apos;s name as printed on notices (e.g. 卫东区政务服务中心2号通办窗口).</source>
        <translation>--name 必须给出打印在告知书上的窗口名称（例如 卫东区政务服务中心2号通办窗口）。</translation>
    </message>
    <message>
        <source>Window %1 (%2) written to %3.</source>
        <translation>窗口 %1（%2）已写入 %3。</translation>
    </message>
    <message>
        <source>Hall settings: none found (expected in %1).</source>
        <translation>大厅统一配置：未找到（应位于 %1）。</translation>
    </message>
    <message>
        <source>Hall settings: %1.</source>
        <translation>大厅统一配置：%1。</translation>
    </message>
    <message>
        <source>Settings (hall and window)</source>
        <translation>配置（大厅与窗口）</translation>
    </message>
    <message>
        <source>Correct the value in that file, then run diagnose again.</source>
        <translation>请在该文件中更正此项，然后重新运行 diagnose。</translation>
    </message>
    <message>
        <source>No hall settings found: copy the hall&apos;s tongban.conf to %1.</source>
        <translation>未找到大厅统一配置：请将大厅的 tongban.conf 复制到 %1。</translation>
    </message>
    <message>
        <source>Read from %1.</source>
        <translation>读取自 %1。</translation>
    </message>
    <message>
        <source>Not opened: a setting is wrong (see Settings).</source>
        <translation>未打开：有配置项错误（见“配置”一项）。</translation>
    </message>
    <message>
        <source>There is no workstation database at %1, so there is nothing to check. Give the data folder of the workstation with --data-dir (nothing was created).</source>
        <translation>%1 处没有工作站数据库，因此无可检查。请用 --data-dir 指定工作站的数据文件夹（未创建任何文件）。</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>未知命令：%1</translation>
    </message>
    <message>
        <source>Not a date: %1 (expected YYYY-MM-DD)</source>
        <translation>不是有效日期：%1（格式应为 YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>%1: working day</source>
        <translation>%1：工作日</translation>
    </message>
    <message>
        <source>%1: public holiday (%2)</source>
        <translation>%1：法定节假日（%2）</translation>
    </message>
    <message>
        <source>%1: rest day</source>
        <translation>%1：休息日</translation>
    </message>
    <message>
        <source>Usage: tongban-cli calendar add YYYY-MM-DD N</source>
        <translation>用法：tongban-cli calendar add YYYY-MM-DD N</translation>
    </message>
    <message>
        <source>Audit trail intact: %1 records checked.</source>
        <translation>留痕记录完整：已校验 %1 条。</translation>
    </message>
    <message>
        <source>Audit trail TAMPERED: %1 problems.</source>
        <translation>留痕记录被篡改：发现 %1 处问题。</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>DAMAGED</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>Pages: %1 checked, %2 damaged or missing</source>
        <translation>页面：已校验 %1 页，损坏或缺失 %2 页</translation>
    </message>
    <message>
        <source>Usage: tongban-cli id check NUMBER-OR-CODE</source>
        <translation>用法：tongban-cli id check 身份证号码或统一社会信用代码</translation>
    </message>
    <message>
        <source>Valid resident identity number %1</source>
        <translation>居民身份证号码有效：%1</translation>
    </message>
    <message>
        <source>Valid unified social credit code %1</source>
        <translation>统一社会信用代码有效：%1</translation>
    </message>
    <message>
        <source>Invalid.
As an identity number: %1
As a credit code: %2</source>
        <translation>无效。
按居民身份证号码：%1
按统一社会信用代码：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: %3 added, %4 removed, %5 changed</source>
        <translation>%1 → %2：新增 %3 项，删除 %4 项，变更 %5 项</translation>
    </message>
    <message>
        <source>%1 is not a valid catalogue</source>
        <translation>%1 不是有效的通办事项清单</translation>
    </message>
    <message>
        <source>No such file: %1</source>
        <translation>文件不存在：%1</translation>
    </message>
    <message>
        <source>Usage: tongban-cli catalog validate FILE</source>
        <translation>用法：tongban-cli catalog validate 文件</translation>
    </message>
    <message>
        <source>Invalid: %1 errors, %2 warnings.</source>
        <translation>无效：%1 处错误，%2 条警告。</translation>
    </message>
    <message>
        <source>Valid: catalogue %1, %2 items, %3 materials, %4 review points, %5 warnings.</source>
        <translation>有效：清单 %1，%2 个事项，%3 项材料，%4 个审查要点，%5 条警告。</translation>
    </message>
    <message>
        <source>Usage: tongban-cli catalog import FILE</source>
        <translation>用法：tongban-cli catalog import 文件</translation>
    </message>
    <message>
        <source>Catalogue %1 is in force (%2 items).</source>
        <translation>清单 %1 已生效（%2 个事项）。</translation>
    </message>
    <message>
        <source>Usage: tongban-cli catalog search QUERY</source>
        <translation>用法：tongban-cli catalog search 关键词</translation>
    </message>
    <message>
        <source>No item found.</source>
        <translation>未找到事项。</translation>
    </message>
    <message>
        <source>Usage: tongban-cli catalog diff OLD NEW (files or stored version labels)</source>
        <translation>用法：tongban-cli catalog diff 旧 新（文件或本机保存的版本号）</translation>
    </message>
    <message>
        <source>Outbox: %1 waiting, %2 uploading, %3 submitting, %4 acknowledged, %5 failed.</source>
        <translation>上传队列：待发送 %1 件，上传中 %2 件，提交中 %3 件，平台已确认 %4 件，失败 %5 件。</translation>
    </message>
    <message>
        <source>Usage: tongban-cli outbox flush PLATFORM-URL ACCOUNT WINDOW</source>
        <translation>用法：tongban-cli outbox flush 平台地址 账号 窗口</translation>
    </message>
    <message>
        <source>%1 is not a picture this program can read (JPEG, PNG, TIFF or BMP).</source>
        <translation>%1 不是本程序能读取的图片（JPEG、PNG、TIFF 或 BMP）。</translation>
    </message>
    <message>
        <source>  page %1: %2 %3, confidence %4, corners %5</source>
        <translation>  第 %1 页：%2 %3，置信度 %4，四角 %5</translation>
    </message>
    <message>
        <source>landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>    quality: good (blur %1 mm, %2 dpi)</source>
        <translation>    质量：合格（模糊 %1 mm，%2 dpi）</translation>
    </message>
    <message>
        <source>Usage: tongban-cli imaging detect FILE... [--dpi N] [--json]</source>
        <translation>用法：tongban-cli imaging detect 文件... [--dpi N] [--json]</translation>
    </message>
    <message>
        <source>No page was found. Lay the page on the pad, inside the camera&apos;s view, then capture again.</source>
        <translation>没有找到纸张。请把纸张放在拍摄台上、摄像头视野之内，然后重拍。</translation>
    </message>
    <message>
        <source>  timings: decode %1 ms, detect %2 ms, gate %3 ms</source>
        <translation>  耗时：解码 %1 ms，检测 %2 ms，质检 %3 ms</translation>
    </message>
    <message>
        <source>Usage: tongban-cli imaging process FILE... [--out DIR] [--pdf FILE] [--dpi N] [--mode colour|grey|bw|auto] [--json]</source>
        <translation>用法：tongban-cli imaging process 文件... [--out 目录] [--pdf 文件] [--dpi N] [--mode colour|grey|bw|auto] [--json]</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>  written: %1 (%2, %3 KB, %4, %5x%6)</source>
        <translation>  已写入：%1（%2，%3 KB，%4，%5x%6）</translation>
    </message>
    <message>
        <source>  timings: decode %1 ms, detect %2 ms, refine %3 ms, warp %4 ms, gate %5 ms, enhance %6 ms, encode %7 ms, total %8 ms</source>
        <translation>  耗时：解码 %1 ms，检测 %2 ms，精修 %3 ms，校正 %4 ms，质检 %5 ms，增强 %6 ms，编码 %7 ms，共 %8 ms</translation>
    </message>
    <message numerus="yes">
        <source>PDF: %1 (%n page(s))</source>
        <translation>
            <numerusform>PDF：%1（%n 页）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: skipped (TONGBAN_FAKE_DEVICES=1)</source>
        <translation>%1：已跳过（TONGBAN_FAKE_DEVICES=1）</translation>
    </message>
    <message>
        <source>%1: not available (%2)</source>
        <translation>%1：不可用（%2）</translation>
    </message>
    <message>
        <source>Upload cap: %1 kbit/s (tongban.conf, [platform] uploadLimitKbps).</source>
        <translation>上传限速：%1 kbit/s（tongban.conf 的 [platform] uploadLimitKbps）。</translation>
    </message>
    <message>
        <source>Upload cap: none (tongban.conf, [platform] uploadLimitKbps).</source>
        <translation>上传限速：不限（tongban.conf 的 [platform] uploadLimitKbps）。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>SKIPPED</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>NOT BUILT</source>
        <translation>尚未建成</translation>
    </message>
    <message>
        <source>Disk space</source>
        <translation>磁盘空间</translation>
    </message>
    <message>
        <source>%1 GB free for the data folder %2</source>
        <translation>数据文件夹 %2 所在磁盘剩余 %1 GB</translation>
    </message>
    <message>
        <source>The data folder %1 cannot be examined.</source>
        <translation>无法检查数据文件夹 %1。</translation>
    </message>
    <message>
        <source>Check that the folder exists and this account may write to it.</source>
        <translation>请确认该文件夹存在，且当前账户有写入权限。</translation>
    </message>
    <message>
        <source>Free disk space or move the data folder (TONGBAN_DATA_DIR) to a larger disk: captures stop when the disk is full.</source>
        <translation>请清理磁盘空间，或将数据文件夹（TONGBAN_DATA_DIR）迁到更大的磁盘：磁盘满时将无法继续采集。</translation>
    </message>
    <message>
        <source>Less than 5 GB left: a busy window fills that in weeks. Free space before it runs out.</source>
        <translation>剩余不足 5 GB：繁忙的窗口几周内就会用完。请在用尽前清理空间。</translation>
    </message>
    <message>
        <source>Workstation database</source>
        <translation>工作站数据库</translation>
    </message>
    <message>
        <source>Integrity check passed (%1)</source>
        <translation>完整性检查通过（%1）</translation>
    </message>
    <message>
        <source>Do not capture on this window. Copy the data folder %1 as it is and call the project&apos;s support.</source>
        <translation>请勿在本窗口继续采集。将数据文件夹 %1 原样复制保存，并联系项目技术支持。</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>留痕记录</translation>
    </message>
    <message>
        <source>Run `tongban-cli audit verify` and call the project&apos;s support.</source>
        <translation>请运行 `tongban-cli audit verify`，并联系项目技术支持。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s), chain intact</source>
        <translation>
            <numerusform>%n 条，记录链完整</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tampering detected in %n record(s)</source>
        <translation>
            <numerusform>%n 处发现篡改痕迹</numerusform>
        </translation>
    </message>
    <message>
        <source>Report it to the supervisor: the audit trail was changed outside the application. `tongban-cli audit verify` lists the records.</source>
        <translation>请报告负责人：审计记录在本软件之外被改动。`tongban-cli audit verify` 会列出相关记录。</translation>
    </message>
    <message>
        <source>Unified acceptance platform</source>
        <translation>统一受理平台</translation>
    </message>
    <message>
        <source>Platform certificate</source>
        <translation>平台证书</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>系统时钟</translation>
    </message>
    <message>
        <source>No platform address is configured.</source>
        <translation>未配置平台地址。</translation>
    </message>
    <message>
        <source>Set [platform] url in %1 (from the preconfigured file of the installation).</source>
        <translation>请在 %1 中设置 [platform] url（取自安装时下发的预配置文件）。</translation>
    </message>
    <message>
        <source>Needs the platform.</source>
        <translation>需先连通平台。</translation>
    </message>
    <message>
        <source>Check [platform] ca in %1: it must name a PEM file this account can read.</source>
        <translation>请检查 %1 中的 [platform] ca：应为当前账户可读取的 PEM 文件。</translation>
    </message>
    <message>
        <source>Use the platform&apos;s https:// address in [platform] url of %1.</source>
        <translation>请在 %1 的 [platform] url 中使用平台的 https:// 地址。</translation>
    </message>
    <message>
        <source>No answer from %1 within 15 seconds.</source>
        <translation>%1 在 15 秒内没有应答。</translation>
    </message>
    <message>
        <source>The platform&apos;s certificate is not trusted here. Install the platform&apos;s CA certificate and name it in [platform] ca of %1; check the address too.</source>
        <translation>本机不信任平台的证书。请安装平台的 CA 证书，并在 %1 的 [platform] ca 中指定；同时核对平台地址。</translation>
    </message>
    <message>
        <source>Check the network cable and the hall&apos;s line; ask the network staff whether %1 is reachable from this window.</source>
        <translation>请检查网线和大厅专线；请网络管理人员确认本窗口能否访问 %1。</translation>
    </message>
    <message>
        <source>%1 answers, but not as the platform (HTTP %2).</source>
        <translation>%1 有应答，但不是统一受理平台（HTTP %2）。</translation>
    </message>
    <message>
        <source>Check [platform] url in %1: it must be the platform&apos;s address, without /api/v1.</source>
        <translation>请检查 %1 中的 [platform] url：应为平台地址，不带 /api/v1。</translation>
    </message>
    <message>
        <source>%1 answered in %2 ms</source>
        <translation>%1 在 %2 毫秒内应答</translation>
    </message>
    <message>
        <source>Trusted; valid until %1 (%2 days)</source>
        <translation>受信任；有效期至 %1（还有 %2 天）</translation>
    </message>
    <message>
        <source>Ask the platform&apos;s operators for the renewed certificate before it expires.</source>
        <translation>请在证书到期前向平台运维方索取续期后的证书。</translation>
    </message>
    <message>
        <source>Install the platform&apos;s CA certificate and name it in [platform] ca of %1.</source>
        <translation>请安装平台的 CA 证书，并在 %1 的 [platform] ca 中指定。</translation>
    </message>
    <message>
        <source>Plain HTTP: allowed only for a platform on this machine (demo, training).</source>
        <translation>未加密的 HTTP：仅允许连接本机上的平台（演示、培训）。</translation>
    </message>
    <message>
        <source>A hall&apos;s platform must be reached over https://.</source>
        <translation>大厅正式使用时必须通过 https:// 连接平台。</translation>
    </message>
    <message>
        <source>The platform sent no time to compare with.</source>
        <translation>平台未提供可供比对的时间。</translation>
    </message>
    <message>
        <source>Make sure this computer synchronises its clock (NTP).</source>
        <translation>请确认本机已开启时间同步（NTP）。</translation>
    </message>
    <message>
        <source>%1 s from the platform&apos;s clock</source>
        <translation>与平台时钟相差 %1 秒</translation>
    </message>
    <message>
        <source>Set the time and turn on time synchronisation (NTP): sign-in, certificates and case times depend on it.</source>
        <translation>请校准时间并开启时间同步（NTP）：登录、证书和办件时间都依赖它。</translation>
    </message>
    <message>
        <source>Turn on time synchronisation (NTP).</source>
        <translation>请开启时间同步（NTP）。</translation>
    </message>
    <message>
        <source>Keychain (clerks&apos; sessions)</source>
        <translation>系统钥匙串（工作人员登录）</translation>
    </message>
    <message>
        <source>Clerks cannot stay signed in. Start the desktop&apos;s keyring for this user (gnome-keyring, Secret Service; on Windows, Credential Manager), then run diagnose again.</source>
        <translation>工作人员无法保持登录。请为该用户启动桌面钥匙串（gnome-keyring、Secret Service；Windows 为凭据管理器），然后重新运行 diagnose。</translation>
    </message>
    <message>
        <source>The keychain did not answer.</source>
        <translation>钥匙串没有响应。</translation>
    </message>
    <message>
        <source>A secret written to the keychain did not come back.</source>
        <translation>写入钥匙串的测试信息无法读回。</translation>
    </message>
    <message>
        <source>A test secret was stored, read back and removed.</source>
        <translation>测试信息已写入、读回并删除。</translation>
    </message>
    <message>
        <source>Printer (notices and receipts)</source>
        <translation>打印机（告知书和回执）</translation>
    </message>
    <message>
        <source>Add the window&apos;s printer in CUPS (http://localhost:631) and make it the default, or name it in [printer] name of %1/tongban.conf.</source>
        <translation>请在 CUPS（http://localhost:631）中添加本窗口的打印机并设为默认，或在 %1/tongban.conf 的 [printer] name 中指定。</translation>
    </message>
    <message>
        <source>No printer is configured and there is no default printer.</source>
        <translation>未配置打印机，也没有默认打印机。</translation>
    </message>
    <message>
        <source>The printer %1 is not known to the print system.</source>
        <translation>打印系统中没有打印机 %1。</translation>
    </message>
    <message>
        <source>The printer %1 is stopped: %2</source>
        <translation>打印机 %1 已停用：%2</translation>
    </message>
    <message>
        <source>Check paper and toner, then resume the printer (cupsenable %1).</source>
        <translation>请检查纸张和墨粉，然后恢复打印机（cupsenable %1）。</translation>
    </message>
    <message>
        <source>%1 is ready</source>
        <translation>%1 已就绪</translation>
    </message>
    <message>
        <source>Document camera (高拍仪)</source>
        <translation>高拍仪</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫描仪</translation>
    </message>
    <message>
        <source>Only the simulated camera ([devices] fake=true)</source>
        <translation>仅有模拟高拍仪（[devices] fake=true）</translation>
    </message>
    <message>
        <source>For real work plug in the document camera (USB) and remove [devices] fake from tongban.conf.</source>
        <translation>正式使用前请接上高拍仪（USB），并从 tongban.conf 中删除 [devices] fake。</translation>
    </message>
    <message>
        <source>No camera found.</source>
        <translation>未找到摄像设备。</translation>
    </message>
    <message>
        <source>No document camera found (only the simulator).</source>
        <translation>未找到高拍仪（只有模拟设备）。</translation>
    </message>
    <message>
        <source>Plug in the document camera (USB), then check `tongban-cli devices list`.</source>
        <translation>请接上高拍仪（USB），然后用 `tongban-cli devices list` 检查。</translation>
    </message>
    <message>
        <source>No scanner found.</source>
        <translation>未找到扫描仪。</translation>
    </message>
    <message>
        <source>Connect and switch on the scanner; SANE must see it (scanimage -L). Without one, thick documents go on the document camera.</source>
        <translation>请连接并打开扫描仪；SANE 须能识别它（scanimage -L）。没有扫描仪时，较厚的材料用高拍仪拍摄。</translation>
    </message>
    <message>
        <source>Headset (video assistance)</source>
        <translation>耳机（视频协助）</translation>
    </message>
    <message>
        <source>Microphone (video assistance)</source>
        <translation>麦克风（视频协助）</translation>
    </message>
    <message>
        <source>Simulated (TONGBAN_FAKE_DEVICES=1): unset it to see the real devices.</source>
        <translation>模拟设备（TONGBAN_FAKE_DEVICES=1）：取消该设置后可看到真实设备。</translation>
    </message>
    <message>
        <source>No sound output found.</source>
        <translation>未找到声音输出设备。</translation>
    </message>
    <message>
        <source>Plug in the headset and check the sound settings.</source>
        <translation>请接上耳机并检查声音设置。</translation>
    </message>
    <message>
        <source>No microphone found.</source>
        <translation>未找到麦克风。</translation>
    </message>
    <message>
        <source>Plug in the headset&apos;s microphone and allow its use in the sound settings.</source>
        <translation>请接上耳机麦克风，并在声音设置中允许使用。</translation>
    </message>
    <message>
        <source>Line to the platform (100 Mbit/s)</source>
        <translation>平台专线（100 Mbit/s）</translation>
    </message>
    <message>
        <source>No answer within 30 seconds.</source>
        <translation>30 秒内没有应答。</translation>
    </message>
    <message>
        <source>The platform sent %1 of %2 bytes.</source>
        <translation>平台只发来 %2 字节中的 %1 字节。</translation>
    </message>
    <message>
        <source>Password of %1 for the line check: </source>
        <translation>线路测试所用账号 %1 的密码：</translation>
    </message>
    <message>
        <source>Not measured: give --account ACCOUNT (a platform account, e.g. IT staff&apos;s; its password in TONGBAN_PASSWORD or typed in).</source>
        <translation>未测量：请用 --account 账号 指定平台账号（如信息技术人员的账号；密码放在 TONGBAN_PASSWORD 中或按提示输入）。</translation>
    </message>
    <message>
        <source>Give an account of the platform that may sign in at this window (--account) and its password (TONGBAN_PASSWORD).</source>
        <translation>请指定可在本窗口登录的平台账号（--account）及其密码（TONGBAN_PASSWORD）。</translation>
    </message>
    <message numerus="yes">
        <source>The platform takes a few line checks a minute: wait %n second(s) and run diagnose again.</source>
        <translation>
            <numerusform>平台每分钟只接受少量线路测试：请等待 %n 秒后重新运行 diagnose。</numerusform>
        </translation>
    </message>
    <message>
        <source>This platform has no line check yet (/api/v1/diag): measure the line with the carrier&apos;s tools.</source>
        <translation>该平台尚未提供线路测试（/api/v1/diag）：请用运营商的工具测量线路。</translation>
    </message>
    <message>
        <source>The line broke off during the test: check the network cable and the hall&apos;s line, then run diagnose again.</source>
        <translation>测试中线路中断：请检查网线和大厅线路，然后重新运行 diagnose。</translation>
    </message>
    <message>
        <source>Download %1 Mbit/s, upload %2 Mbit/s, round trip %3 ms (required: %4 Mbit/s each way)</source>
        <translation>下载 %1 Mbit/s，上传 %2 Mbit/s，往返时延 %3 ms（要求：上下行各 %4 Mbit/s）</translation>
    </message>
    <message>
        <source>The line is fast but slow to answer (over 100 ms): ask the network staff whether the window reaches the platform through a detour (VPN, proxy).</source>
        <translation>线路速率足够，但响应慢（超过 100 ms）：请网络管理人员检查本窗口是否绕道访问平台（VPN、代理）。</translation>
    </message>
    <message>
        <source>The line does not reach the 100 Mbit/s the window needs (000 第十六条): ask the hall&apos;s network staff or the carrier to check the dedicated line and that nothing else shares it; until then large cases take longer to transmit.</source>
        <translation>线路达不到窗口所需的 100 Mbit/s（000 第十六条）：请大厅网络管理人员或运营商检查专线，并确认没有其他业务占用；在此之前，大件办件的提交会更慢。</translation>
    </message>
    <message>
        <source>Platform account for the line check (diagnose); password in TONGBAN_PASSWORD.</source>
        <translation>线路测试（diagnose）所用的平台账号；密码放在 TONGBAN_PASSWORD 中。</translation>
    </message>
    <message>
        <source>account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Check that %1 exists and this account may write to it; a damaged database must go to the project&apos;s support as it is.</source>
        <translation>请确认 %1 存在且当前账户有写入权限；损坏的数据库须原样交给项目技术支持。</translation>
    </message>
    <message numerus="yes">
        <source>Nothing failed (%n warning(s)).</source>
        <translation>
            <numerusform>全部通过（%n 项需注意）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed: do what the arrows say, then run diagnose again.</source>
        <translation>
            <numerusform>%n 项未通过：请按箭头后的提示处理，然后重新运行 diagnose。</numerusform>
        </translation>
    </message>
    <message>
        <source>[%1] %2: %3</source>
        <translation>[%1] %2：%3</translation>
    </message>
    <message>
        <source>Working-day calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>Covers %1 to %2 (today in China Standard Time: %3)</source>
        <translation>覆盖 %1 至 %2 年（北京时间今天：%3）</translation>
    </message>
    <message>
        <source>%1 (platform)</source>
        <translation>%1（平台）</translation>
    </message>
    <message>
        <source>Working-day calendar in force: %1</source>
        <translation>现行工作日历：%1</translation>
    </message>
    <message>
        <source>Tongban Workstation console.</source>
        <translation>通办工作站命令行工具。</translation>
    </message>
    <message>
        <source>Machine-readable output.</source>
        <translation>输出机器可读的 JSON。</translation>
    </message>
    <message>
        <source>Workstation data folder.</source>
        <translation>工作站数据目录。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>zh_CN (default) or en.</source>
        <translation>zh_CN（默认）或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Most search results to show.</source>
        <translation>最多显示的查找结果数。</translation>
    </message>
    <message>
        <source>Folder for the pages (imaging process).</source>
        <translation>页面的输出目录（imaging process）。</translation>
    </message>
    <message>
        <source>Also write the pages as one PDF (imaging process).</source>
        <translation>同时将页面写成一个 PDF（imaging process）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Page resolution (imaging).</source>
        <translation>页面分辨率（imaging）。</translation>
    </message>
    <message>
        <source>colour, grey, bw or auto (imaging process).</source>
        <translation>colour、grey、bw 或 auto（imaging process）。</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>See above.</source>
        <translation>见上文。</translation>
    </message>
    <message>
        <source>tongban-cli --help lists the commands and options.</source>
        <translation>tongban-cli --help 列出全部命令和选项。</translation>
    </message>
    <message>
        <source>  %1  acknowledged</source>
        <translation>  %1  平台已接收</translation>
    </message>
    <message>
        <source>  %1  %2  %3/%4 pages  attempt %5  next try %6  %7</source>
        <translation>  %1  %2  已上传 %3/%4 页  第 %5 次尝试  下次重试 %6  %7</translation>
    </message>
    <message>
        <source>Nothing answers at %1 on this computer: start the platform service (tongban-hub) or correct [platform] url in %2.</source>
        <translation>本机 %1 无响应：请启动平台服务（tongban-hub），或更正 %2 中的 [platform] url。</translation>
    </message>
    <message>
        <source>Not used at this window (tongban.conf [devices] absent).</source>
        <translation>本窗口不使用此设备（tongban.conf [devices] absent）。</translation>
    </message>
    <message>
        <source>Commands:
  calendar check YYYY-MM-DD      is the date a working day?
  calendar add YYYY-MM-DD N      the date N working days later
  calendar years                 the years the calendar in force covers (built-in or
                                 from the platform), and any year missing
  id check NUMBER                validate an identity number or credit code
  audit verify                   check the audit trail&apos;s hash chain
  storage check                  database integrity and every page&apos;s hash
  catalog validate FILE          check a catalogue, listing every problem
  catalog import FILE            validate and put a catalogue in force
  catalog search QUERY           find items (name, code, keyword, pinyin initials)
  catalog diff OLD NEW           what changed (files or stored version labels)
  catalog versions               the catalogues stored here
  outbox status                  cases waiting for the platform, by state
  outbox flush URL ACCOUNT WINDOW  transmit now, ignoring backoff (keychain session)
  calls report URL ACCOUNT       the platform&apos;s monthly video-assistance report:
                                 misses, answer times, escalations, calls made
                                 (--month YYYY-MM; password on standard input)
  imaging detect FILE...         pages found in pictures, with quality verdicts
  imaging process FILE...        pictures to pages: --out DIR, --pdf FILE, --dpi N,
                                 --mode colour|grey|bw|auto
  devices list                   document cameras and scanners this computer sees
  setup --window ID --name NAME  this window&apos;s identity, over the hall&apos;s settings
                                 (/etc/xdg/tongban/tongban.conf)
  diagnose [--account NAME]      check this window: disk, database, audit trail,
                                 platform, certificate, clock, keychain, printer,
                                 camera, scanner, headset, microphone, settings,
                                 line to the platform (as NAME; TONGBAN_PASSWORD)
</source>
        <translation>命令：
  calendar check YYYY-MM-DD      该日期是否为工作日
  calendar add YYYY-MM-DD N      该日期之后第 N 个工作日
  calendar years                 现行日历（内置或来自平台）覆盖的年份，以及缺少的年份
  id check NUMBER                校验身份证号码或统一社会信用代码
  audit verify                   校验留痕记录的哈希链
  storage check                  数据库完整性及每页材料的哈希
  catalog validate FILE          检查事项清单，列出全部问题
  catalog import FILE            校验并启用事项清单
  catalog search QUERY           查找事项（名称、编码、关键词、拼音首字母）
  catalog diff OLD NEW           两个清单的差异（文件或已存版本号）
  catalog versions               本机保存的清单版本
  outbox status                  等待提交平台的办件（按办件编号、状态）
  outbox flush URL ACCOUNT WINDOW  立即提交，不等待重试间隔（使用钥匙环中的会话）
  calls report URL ACCOUNT       平台的视频协助月报：未接次数、接听用时、升级处理、
                                 发起的呼叫（--month YYYY-MM；密码从标准输入读取）
  imaging detect FILE...         图片中找到的页面及质量结论
  imaging process FILE...        图片转为页面：--out 目录、--pdf 文件、--dpi N、
                                 --mode colour|grey|bw|auto
  devices list                   本机可见的高拍仪和扫描仪
  setup --window ID --name NAME  设置本窗口的标识，覆盖大厅统一设置
                                 （/etc/xdg/tongban/tongban.conf）
  diagnose [--account NAME]      检查本窗口：磁盘、数据库、留痕记录、平台、证书、
                                 时钟、钥匙环、打印机、高拍仪、扫描仪、耳机、麦克风、设置、
                                 平台专线（以账号 NAME 登录；密码在 TONGBAN_PASSWORD）
</translation>
    </message>
    <message>
        <source>Month of a report, YYYY-MM (calls report).</source>
        <translation>报表月份，格式 YYYY-MM（calls report）。</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>The platform did not answer. Check the network and try again.</source>
        <translation>平台没有应答。请检查网络后重试。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Video assistance, %1</source>
        <translation>视频协助月报，%1</translation>
    </message>
    <message>
        <source>Home windows: misses, answered, answer time (median / 95th percentile / longest), escalation</source>
        <translation>属地窗口：未接次数、接听次数、接听用时（中位数 / 95 分位 / 最长）、升级处理</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>misses %1, answered %2, %3 / %4 / %5</source>
        <translation>未接 %1 次，接听 %2 次，%3 / %4 / %5</translation>
    </message>
    <message>
        <source>escalated, awaiting the admin</source>
        <translation>已升级，待管理员处理</translation>
    </message>
    <message>
        <source>escalated, confirmed</source>
        <translation>已升级，已确认</translation>
    </message>
    <message>
        <source>escalated, excused</source>
        <translation>已升级，已免责</translation>
    </message>
    <message>
        <source>Calls made, by application window and clerk:</source>
        <translation>发起的呼叫（按申请地窗口和工作人员）：</translation>
    </message>
    <message>
        <source>Usage: tongban-cli calls report PLATFORM-URL ACCOUNT [--month YYYY-MM] (the password is read from the standard input)</source>
        <translation>用法：tongban-cli calls report 平台地址 账号 [--month YYYY-MM]（密码从标准输入读取）</translation>
    </message>
    <message>
        <source>The month is written YYYY-MM, for example 2026-11.</source>
        <translation>月份格式为 YYYY-MM，例如 2026-11。</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s): %1 answered, %2 missed, %3 cancelled</source>
        <translation>
            <numerusform>%n 次呼叫：接通 %1 次，未接 %2 次，取消 %3 次</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tongban::Core</name>
    <message>
        <source>A unified social credit code has 18 characters; this one has %1. Check the code on the business licence and type it again.</source>
        <translation>统一社会信用代码应为 18 位，当前为 %1 位。请核对营业执照上的代码后重新输入。</translation>
    </message>
    <message>
        <source>Character %1 (%2) cannot appear in a unified social credit code: the letters I, O, S, V and Z are never used. Check the code on the business licence.</source>
        <translation>第 %1 位“%2”不能出现在统一社会信用代码中（代码不使用字母 I、O、S、V、Z）。请核对营业执照上的代码。</translation>
    </message>
    <message>
        <source>The unified social credit code does not pass its check: one character is probably mistyped. Compare it with the licence character by character.</source>
        <translation>统一社会信用代码校验未通过，可能有一位输错。请与营业执照逐位核对。</translation>
    </message>
    <message>
        <source>An identity number has 18 characters; this one has %1. Check the number on the card and type it again.</source>
        <translation>居民身份证号码应为 18 位，当前为 %1 位。请核对证件上的号码后重新输入。</translation>
    </message>
    <message>
        <source>Character %1 of the identity number must be a digit. Check the number on the card and type it again.</source>
        <translation>身份证号码第 %1 位应为数字。请核对证件上的号码后重新输入。</translation>
    </message>
    <message>
        <source>The last character of the identity number must be a digit or X.</source>
        <translation>身份证号码最后一位应为数字或 X。</translation>
    </message>
    <message>
        <source>Characters 7 to 14 of the identity number are not a real birth date. Check the number on the card and type it again.</source>
        <translation>身份证号码第 7 至 14 位不是有效的出生日期。请核对证件上的号码后重新输入。</translation>
    </message>
    <message>
        <source>The identity number does not pass its check: one character is probably mistyped. Compare it with the card digit by digit.</source>
        <translation>身份证号码校验未通过，可能有一位输错。请与证件逐位核对。</translation>
    </message>
    <message>
        <source>The working-day calendar has no data for %1, so no deadline can be computed for that year. Update the catalogue from the platform, or ask IT to install a newer calendar.</source>
        <translation>工作日历缺少 %1 年的数据，无法计算该年的期限。请从平台更新，或请信息技术人员安装新版日历。</translation>
    </message>
    <message>
        <source>The working-day calendar data is damaged and was not used. The previous calendar stays in force.</source>
        <translation>工作日历数据已损坏，未被采用；原有日历继续有效。</translation>
    </message>
    <message>
        <source>No deadline can be computed from this date. Check the computer&apos;s clock.</source>
        <translation>无法从该日期计算期限。请检查计算机时钟。</translation>
    </message>
    <message>
        <source>The working-day calendar in force has no data for %1.</source>
        <translation>现行工作日历没有 %1 年的数据。</translation>
    </message>
    <message>
        <source>Mailing deadlines in %1 are computed on weekends only and marked provisional until the year arrives. Ask the platform administrator to import the %1 calendar (tongban-hub calendar import); this window takes it at the next sign-in and recomputes the provisional deadlines.</source>
        <translation>落在 %1 年的寄送期限暂按周末推算并标为“暂定”，待该年日历到达后重新计算。请联系平台管理员导入 %1 年工作日历（tongban-hub calendar import）；本窗口在下次登录时获取并重新计算暂定期限。</translation>
    </message>
</context>
<context>
    <name>Tongban::Drivers</name>
    <message>
        <source>The capture device is not connected. Check its cable, then choose it again.</source>
        <translation>采集设备未连接。请检查连接线，然后重新选择该设备。</translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::AfterWindowCard</name>
    <message>
        <source>No case waiting on the home department.</source>
        <translation>暂无等待属地部门的办件。</translation>
    </message>
    <message>
        <source>No request for correction.</source>
        <translation>暂无补正要求。</translation>
    </message>
    <message>
        <source>Waiting on the home department</source>
        <translation>等待属地业务办理部门办理</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>等待事项</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Notice from another hall: serial, QR code or identity number, then Enter</source>
        <translation>其他大厅出具的告知书：输入编号、扫描二维码或输入身份证号码后按回车</translation>
    </message>
    <message>
        <source>Open notice</source>
        <translation>打开告知书</translation>
    </message>
    <message>
        <source>Not connected to the platform: the home departments&apos; deadlines are shown once it is.</source>
        <translation>未连接平台：连接后显示属地业务办理部门的办理期限。</translation>
    </message>
    <message>
        <source>The deadlines could not be read: %1</source>
        <translation>无法读取办理期限：%1</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审批决定</translation>
    </message>
    <message>
        <source>The applicant&apos;s correction</source>
        <translation>申请人补正</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>受理决定</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1（已逾期）</translation>
    </message>
    <message>
        <source>No case of this window is waiting on its home department.</source>
        <translation>本窗口没有等待属地业务办理部门办理的案件。</translation>
    </message>
    <message>
        <source>Not connected to the platform: a notice from another hall cannot be found.</source>
        <translation>未连接平台：无法查找其他大厅出具的告知书。</translation>
    </message>
    <message>
        <source>Looking for the notice…</source>
        <translation>正在查找告知书…</translation>
    </message>
    <message>
        <source>The notice could not be looked up: %1</source>
        <translation>无法查找告知书：%1</translation>
    </message>
    <message>
        <source>No open one-time notice found for this. Check the serial or the number with the applicant&apos;s notice.</source>
        <translation>未找到待补正的一次性告知书。请与申请人所持告知书核对编号或证件号码。</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Identity number or credit code of the applicant, as on their document:</source>
        <translation>申请人证件上的身份证号码或统一社会信用代码：</translation>
    </message>
    <message>
        <source>Notice %1 of %2 opened: only its listed materials can change.</source>
        <translation>已打开%2出具的告知书 %1：只能补正其中列出的材料。</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) overdue at the home department: the platform has alerted it.</source>
        <translation>
            <numerusform>属地业务办理部门有 %n 件案件已逾期，平台已提醒。</numerusform>
        </translation>
    </message>
    <message>
        <source>The home department asks for correction:</source>
        <translation>属地审批部门要求补正：</translation>
    </message>
    <message>
        <source>Bring by</source>
        <translation>补正期限</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Print the one-time notice</source>
        <translation>打印一次性告知书</translation>
    </message>
    <message>
        <source>Reopen for correction</source>
        <translation>重新打开补正</translation>
    </message>
    <message>
        <source>No request for correction is waiting.</source>
        <translation>暂无待处理的补正要求。</translation>
    </message>
    <message>
        <source>One-time notice %1 printed. Hand it to the applicant or send it by the way the department named.</source>
        <translation>一次性告知书 %1 已打印。请交给申请人，或按审批部门指定的方式送达。</translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::AuditPage</name>
    <message>
        <source>Audit trail</source>
        <translation>留痕记录</translation>
    </message>
    <message>
        <source>Every act on this workstation is recorded here, attributed to a clerk and chained so that a changed or removed record is detected. Records are kept at least 180 days.</source>
        <translation>本工作站的每一项操作都记录在此，归属到具体窗口人员，并逐条链式校验，任何修改或删除都会被发现。记录至少保存 180 天。</translation>
    </message>
    <message>
        <source>&amp;Check the chain</source>
        <translation>校验记录链(&amp;C)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>无法校验：%1</translation>
    </message>
    <message numerus="yes">
        <source>Chain intact: %n record(s) checked.</source>
        <translation>
            <numerusform>记录链完整：已校验 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>record %1: %2</source>
        <translation>第 %1 条：%2</translation>
    </message>
    <message>
        <source>Tampering detected. Do not use this workstation for cases and call your supervisor.
%1</source>
        <translation>发现篡改痕迹。请停止在本工作站办件，并立即报告负责人。
%1</translation>
    </message>
    <message>
        <source>Application started</source>
        <translation>程序启动</translation>
    </message>
    <message>
        <source>Application closed</source>
        <translation>程序退出</translation>
    </message>
    <message>
        <source>Deadlines recomputed with a new calendar</source>
        <translation>按新日历重算期限</translation>
    </message>
    <message>
        <source>Working-day calendar updated</source>
        <translation>工作日历已更新</translation>
    </message>
    <message>
        <source>Video call answered</source>
        <translation>接听视频协助</translation>
    </message>
    <message>
        <source>Video call answered by the other window</source>
        <translation>对方已接听视频协助</translation>
    </message>
    <message>
        <source>Video call cancelled</source>
        <translation>取消视频协助</translation>
    </message>
    <message>
        <source>Video call cancelled by the caller</source>
        <translation>对方已取消视频协助</translation>
    </message>
    <message>
        <source>Video call declined</source>
        <translation>拒接视频协助</translation>
    </message>
    <message>
        <source>Video call ended</source>
        <translation>结束视频协助</translation>
    </message>
    <message>
        <source>Video call ended by the other window</source>
        <translation>对方已结束视频协助</translation>
    </message>
    <message>
        <source>Video call hung up</source>
        <translation>挂断视频协助</translation>
    </message>
    <message>
        <source>Video call connection</source>
        <translation>视频协助连接</translation>
    </message>
    <message>
        <source>Video call placed</source>
        <translation>发起视频协助</translation>
    </message>
    <message>
        <source>Video call received</source>
        <translation>收到视频协助呼叫</translation>
    </message>
    <message>
        <source>Video call picture and sound</source>
        <translation>视频协助音视频</translation>
    </message>
    <message>
        <source>Video call missed</source>
        <translation>视频协助未及时响应</translation>
    </message>
    <message>
        <source>Video call connection offered</source>
        <translation>视频协助发起连接</translation>
    </message>
    <message>
        <source>Video call ringing</source>
        <translation>视频协助振铃</translation>
    </message>
    <message>
        <source>Video call taken by another window</source>
        <translation>视频协助已由其他窗口接听</translation>
    </message>
    <message>
        <source>Case cancelled</source>
        <translation>办件作废</translation>
    </message>
    <message>
        <source>Case awaiting correction</source>
        <translation>办件待补齐补正</translation>
    </message>
    <message>
        <source>Case complete</source>
        <translation>办件材料齐全</translation>
    </message>
    <message>
        <source>Case started</source>
        <translation>新建办件</translation>
    </message>
    <message>
        <source>Answers to the questions changed</source>
        <translation>修改情形问题的回答</translation>
    </message>
    <message>
        <source>Applicant details recorded</source>
        <translation>记录申请人信息</translation>
    </message>
    <message>
        <source>Official case number received</source>
        <translation>取得办件编号</translation>
    </message>
    <message>
        <source>Applicant or agent changed</source>
        <translation>修改申请人或代办人</translation>
    </message>
    <message>
        <source>Case reopened for correction</source>
        <translation>补齐补正时重新打开办件</translation>
    </message>
    <message>
        <source>Case reopened after a restart</source>
        <translation>重启后继续办件</translation>
    </message>
    <message>
        <source>Unlocked by a supervisor</source>
        <translation>负责人解锁</translation>
    </message>
    <message>
        <source>Catalogue imported</source>
        <translation>导入事项清单</translation>
    </message>
    <message>
        <source>Catalogue updated from the platform</source>
        <translation>从平台更新事项清单</translation>
    </message>
    <message>
        <source>Guide error reported</source>
        <translation>报告办事指南错误</translation>
    </message>
    <message>
        <source>Mailing deadline set</source>
        <translation>设定寄送期限</translation>
    </message>
    <message>
        <source>Originals received by the home department</source>
        <translation>属地部门已收到原件</translation>
    </message>
    <message>
        <source>Originals mailed</source>
        <translation>原件已寄出</translation>
    </message>
    <message>
        <source>Mailing task created</source>
        <translation>生成寄送任务</translation>
    </message>
    <message>
        <source>Material not brought</source>
        <translation>申请人未带此材料</translation>
    </message>
    <message>
        <source>Commitment recorded</source>
        <translation>记录承诺书</translation>
    </message>
    <message>
        <source>Original verified</source>
        <translation>核验原件</translation>
    </message>
    <message>
        <source>Tolerated absence</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <source>Notice issued</source>
        <translation>出具告知书或回执</translation>
    </message>
    <message>
        <source>Notice printed</source>
        <translation>打印告知书或回执</translation>
    </message>
    <message>
        <source>Notice reprinted (补打)</source>
        <translation>补打告知书或回执</translation>
    </message>
    <message>
        <source>Reprint copy made</source>
        <translation>生成补打件</translation>
    </message>
    <message>
        <source>Case sent again</source>
        <translation>重新提交办件</translation>
    </message>
    <message>
        <source>Page deleted</source>
        <translation>删除页面</translation>
    </message>
    <message>
        <source>Pages reordered</source>
        <translation>调整页面顺序</translation>
    </message>
    <message>
        <source>Page turned</source>
        <translation>旋转页面</translation>
    </message>
    <message>
        <source>Page captured</source>
        <translation>拍摄页面</translation>
    </message>
    <message>
        <source>Result received from the platform</source>
        <translation>收到平台办理结果</translation>
    </message>
    <message>
        <source>Result printed for the applicant</source>
        <translation>为申请人打印办理结果</translation>
    </message>
    <message>
        <source>Review point marked</source>
        <translation>标记审查要点</translation>
    </message>
    <message>
        <source>Notice numbers received</source>
        <translation>取得文书编号段</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>会话结束</translation>
    </message>
    <message>
        <source>Window locked</source>
        <translation>锁定窗口</translation>
    </message>
    <message>
        <source>Signed in, ending the session at another window</source>
        <translation>登录并结束其他窗口的会话</translation>
    </message>
    <message>
        <source>Signed in at another window</source>
        <translation>在其他窗口登录</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Window unlocked</source>
        <translation>解锁窗口</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>No record yet.</source>
        <translation>暂无留痕记录。</translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::CallPage</name>
    <message>
        <source>Video assistance</source>
        <translation>视频协助</translation>
    </message>
    <message>
        <source>Call the home window</source>
        <translation>呼叫属地窗口</translation>
    </message>
    <message>
        <source>Cancel the call</source>
        <translation>取消呼叫</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>挂断</translation>
    </message>
    <message>
        <source>Calls ringing at this window</source>
        <translation>正在呼叫本窗口的来电</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>接听</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>拒接</translation>
    </message>
    <message>
        <source>The other window&apos;s picture appears here during a call.</source>
        <translation>通话时，对方窗口的画面显示在这里。</translation>
    </message>
    <message>
        <source>Your camera</source>
        <translation>本窗口画面</translation>
    </message>
    <message numerus="yes">
        <source>Ringing at %n home window(s)…</source>
        <translation>
            <numerusform>%n 个属地窗口正在振铃…</numerusform>
        </translation>
    </message>
    <message>
        <source>No platform is configured: calls are not possible.</source>
        <translation>未配置平台，无法呼叫。</translation>
    </message>
    <message>
        <source>Calls from application windows about items of your jurisdiction ring here. Answer one to see and hear the clerk.</source>
        <translation>申请地窗口就本辖区事项发起的呼叫会在这里振铃。接听后即可与对方工作人员视频通话。</translation>
    </message>
    <message>
        <source>Item: %1 (home jurisdiction %2)</source>
        <translation>事项：%1（属地：%2）</translation>
    </message>
    <message>
        <source>Item: %1 (home jurisdiction %2)
Material: %3</source>
        <translation>事项：%1（属地：%2）
材料：%3</translation>
    </message>
    <message>
        <source>Open a case first: a call is about a material of the case&apos;s item, and rings that item&apos;s home windows.</source>
        <translation>请先打开一个案件：呼叫针对案件事项的某一材料，并接通该事项的属地窗口。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 · material: %3</source>
        <translation>%1 · %2 · 材料：%3</translation>
    </message>
    <message>
        <source>Calling the home windows of %1…</source>
        <translation>正在呼叫%1的属地窗口…</translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>正在接听…</translation>
    </message>
    <message>
        <source>The call was cancelled.</source>
        <translation>呼叫已取消。</translation>
    </message>
    <message>
        <source>Another home window answered this call.</source>
        <translation>该呼叫已由另一个属地窗口接听。</translation>
    </message>
    <message>
        <source>You declined the call.</source>
        <translation>您已拒接该呼叫。</translation>
    </message>
    <message>
        <source>You hung up.</source>
        <translation>您已挂断。</translation>
    </message>
    <message>
        <source>The other window hung up.</source>
        <translation>对方窗口已挂断。</translation>
    </message>
    <message>
        <source>The connection to the platform was lost, so the call ended. Call again once Today shows the platform connected.</source>
        <translation>与平台的连接已中断，通话结束。请等“今日”页显示平台已连接后再次呼叫。</translation>
    </message>
    <message>
        <source>In a call with %1. Connecting picture and sound…</source>
        <translation>已与%1接通，正在连接画面和声音…</translation>
    </message>
    <message>
        <source>In a call with %1.</source>
        <translation>正在与%1通话。</translation>
    </message>
    <message>
        <source>Show this page</source>
        <translation>展示此页</translation>
    </message>
    <message>
        <source>No home window of this item is online now, so nobody could be called. The platform texts the home windows that they should be online, and records it for each of them. Try again in a few minutes.</source>
        <translation>此事项的属地窗口现在都不在线，无法呼叫。平台会短信提醒属地窗口应当在线，并为每个窗口记录一次。请几分钟后再试。</translation>
    </message>
    <message>
        <source>Choose a page of the case and press “Show this page”: the home window sees it at full resolution and can mark it.</source>
        <translation>选择本案件的一页并点击“展示此页”：属地窗口将看到原始分辨率的页面，并可在上面标注。</translation>
    </message>
    <message>
        <source>The page the application window shows appears here at full resolution. Mark it with the pen, arrow, box or note; the other window sees your marks.</source>
        <translation>受理窗口展示的页面以原始分辨率显示在这里。可用画笔、箭头、方框或批注标注，对方窗口会看到您的标注。</translation>
    </message>
    <message>
        <source>Show this page again</source>
        <translation>再次展示此页</translation>
    </message>
    <message>
        <source>Page %1: %2, page %3 of %4</source>
        <translation>第 %1 页：%2，第 %3 页 / 共 %4 页</translation>
    </message>
    <message>
        <source>The case has no captured page yet: capture one on the checklist.</source>
        <translation>本案件还没有采集的页面：请先在材料核验中采集。</translation>
    </message>
    <message>
        <source>This page cannot be read. Capture it again.</source>
        <translation>无法读取此页，请重新采集。</translation>
    </message>
    <message>
        <source>Sending the page to the platform…</source>
        <translation>正在将页面发送到平台…</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Fetching the page at full resolution…</source>
        <translation>正在获取原始分辨率的页面…</translation>
    </message>
    <message>
        <source>The shared page cannot be shown: it is not a picture.</source>
        <translation>无法显示共享的页面：它不是图片。</translation>
    </message>
    <message numerus="yes">
        <source>No home window answered within %n second(s). The platform has sent the home windows an SMS reminder and counted the missed call. You can call again.</source>
        <translation>
            <numerusform>属地窗口 %n 秒内无人接听。平台已向属地窗口发送短信提醒，并记录一次未接。您可以再次呼叫。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every call is recorded by the window that makes it and kept six months on the platform.</source>
        <translation>每次通话由发起呼叫的窗口录像，并在平台保存六个月。</translation>
    </message>
    <message>
        <source>Check devices…</source>
        <translation>设备检测…</translation>
    </message>
    <message>
        <source>Check devices</source>
        <translation>设备检测</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Round trip %1 ms · loss %2 % · sending %3 kbit/s · receiving %4 kbit/s · %5 frames/s</source>
        <translation>往返 %1 毫秒 · 丢包 %2% · 发送 %3 kbit/s · 接收 %4 kbit/s · %5 帧/秒</translation>
    </message>
    <message>
        <source>Measuring: the call&apos;s figures come after its first second.</source>
        <translation>正在测量：通话开始一秒后显示各项数据。</translation>
    </message>
    <message>
        <source>The network is very poor: your picture is paused and only the sound goes through. It comes back by itself.</source>
        <translation>网络很差，已暂停发送画面，只保留声音。网络好转后画面会自动恢复。</translation>
    </message>
    <message>
        <source>The network is poor: your picture is sent at a lower quality.</source>
        <translation>网络较差，已降低发送画面的清晰度。</translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::CapturePane</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Capture by itself when the page is still</source>
        <translation>纸张放稳后自动拍摄</translation>
    </message>
    <message>
        <source>Lay the page again under the camera: the next capture replaces page %1.</source>
        <translation>请把该页重新放到高拍仪下：下一次拍摄将替换第 %1 页。</translation>
    </message>
    <message>
        <source>Delete page</source>
        <translation>删除页面</translation>
    </message>
    <message>
        <source>Delete page %1 of this material? It cannot be undone.</source>
        <translation>删除此材料的第 %1 页？删除后无法恢复。</translation>
    </message>
    <message>
        <source>Connect the document camera or the scanner, then choose Refresh.</source>
        <translation>请连接高拍仪或扫描仪，然后点击“刷新”。</translation>
    </message>
    <message>
        <source>No capture device: connect the document camera or the scanner, then choose Refresh.</source>
        <translation>没有采集设备：请连接高拍仪或扫描仪，然后点击“刷新”。</translation>
    </message>
    <message>
        <source>Page %1 of this material captured.</source>
        <translation>已采集此材料的第 %1 页。</translation>
    </message>
    <message>
        <source>The page could not be read to turn it.</source>
        <translation>无法读取该页，未能旋转。</translation>
    </message>
    <message>
        <source>This material was accepted at the first visit: nothing is captured for it now.</source>
        <translation>此材料首次办理时已收取：现在不再为其拍摄。</translation>
    </message>
    <message>
        <source>Capture (F2)</source>
        <translation>拍摄（F2）</translation>
    </message>
    <message>
        <source>Capture a page now: F2 anywhere on this screen, or Space in the camera picture</source>
        <translation>立即拍摄一页：在本页面任意处按 F2，或在拍摄画面中按空格</translation>
    </message>
    <message>
        <source>This page is already captured for this material: lay the next page, or press F2 to capture it again.</source>
        <translation>此页已为本材料拍摄：请放下一页，或按 F2 再次拍摄。</translation>
    </message>
    <message>
        <source>No page of this material yet: lay it under the camera.</source>
        <translation>暂无本材料的页面：请把材料放在高拍仪下。</translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::CaseController</name>
    <message>
        <source>The service item %1 is not in the catalogue in force.</source>
        <translation>事项 %1 不在现行事项清单中。</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>当前没有打开的办件。</translation>
    </message>
    <message>
        <source>Finish checking every material before issuing a notice or a receipt.</source>
        <translation>请先完成全部材料的核验，再出具告知书或收件回执。</translation>
    </message>
    <message>
        <source>No platform is configured: the case cannot be transmitted. Ask IT support.</source>
        <translation>未配置平台，办件无法提交。请联系信息技术人员。</translation>
    </message>
    <message>
        <source>No paper original of this case has to be mailed.</source>
        <translation>本办件没有需要寄送的纸质原件。</translation>
    </message>
    <message>
        <source>(numbered when issued)</source>
        <translation>（出具时编号）</translation>
    </message>
    <message>
        <source>Only a case whose receipt was issued can be rated.</source>
        <translation>只有已出具收件回执的办件才能评价。</translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::ChecklistPage</name>
    <message>
        <source>originals: %1</source>
        <translation>原件 %1 份</translation>
    </message>
    <message>
        <source>copies: %1</source>
        <translation>复印件 %1 份</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>纸质</translation>
    </message>
    <message>
        <source>electronic</source>
        <translation>电子</translation>
    </message>
    <message>
        <source>paper and electronic</source>
        <translation>纸质和电子</translation>
    </message>
    <message>
        <source>Material checking</source>
        <translation>材料核验</translation>
    </message>
    <message>
        <source>Original verified against the copy (核验原件)</source>
        <translation>已核验原件（核验原件）</translation>
    </message>
    <message>
        <source>The applicant did not bring this material</source>
        <translation>申请人未提交此材料（缺少）</translation>
    </message>
    <message>
        <source>Accept now, submit later (容缺受理)</source>
        <translation>容缺受理（先受理、后补交）</translation>
    </message>
    <message>
        <source>Report a guide error</source>
        <translation>指南纠错</translation>
    </message>
    <message>
        <source>Video assistance</source>
        <translation>视频协助</translation>
    </message>
    <message>
        <source>No case is open. Start one under New case, or open a case awaiting correction from Today.</source>
        <translation>当前没有打开的办件。请在“新建办件”中开始，或在“今日”中打开待补正的办件。</translation>
    </message>
    <message>
        <source>%1
%2 · %3</source>
        <translation>%1
%2 · %3</translation>
    </message>
    <message>
        <source>applicant not entered</source>
        <translation>未填写申请人</translation>
    </message>
    <message numerus="yes">
        <source> · %n page(s)</source>
        <translation>
            <numerusform> · %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source> · to correct</source>
        <translation> · 需补正</translation>
    </message>
    <message>
        <source>Basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>The paper original goes to the home department by mail.</source>
        <translation>纸质原件须邮寄至属地部门。</translation>
    </message>
    <message>
        <source>Listed on the one-time notice: check it again now.</source>
        <translation>一次性告知书中列明的材料：请重新核验。</translation>
    </message>
    <message>
        <source>Review points</source>
        <translation>审查要点</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>To the decision</source>
        <translation>去出具结果</translation>
    </message>
    <message>
        <source>Sample with the review points</source>
        <translation>示范文本与审查要点</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一项</translation>
    </message>
    <message>
        <source>Next material</source>
        <translation>下一项材料</translation>
    </message>
    <message numerus="yes">
        <source>To the decision · %n left</source>
        <translation>
            <numerusform>去出具结果 · 还剩 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Supervisor: unlock this material…</source>
        <translation>负责人：解锁此材料…</translation>
    </message>
    <message>
        <source>Unlock a material</source>
        <translation>解锁材料</translation>
    </message>
    <message>
        <source>Why must this material, accepted at the first visit, change? The reason is kept in the trail under your account.</source>
        <translation>首次办理时已收取的此材料为何需要变更？原因将以您的账号记入留痕。</translation>
    </message>
    <message>
        <source>Unlocked by a supervisor: changes are recorded in the trail.</source>
        <translation>已由负责人解锁：变更将记入留痕。</translation>
    </message>
    <message>
        <source>Accepted at the first visit: read-only (a supervisor can unlock it).</source>
        <translation>首次办理时已收取：只读（负责人可解锁）。</translation>
    </message>
    <message>
        <source>Choose the guide&apos;s reason…</source>
        <translation>请选择指南规定的原因…</translation>
    </message>
    <message>
        <source>Remark explaining the reason (optional)</source>
        <translation>对原因的补充说明（可选）</translation>
    </message>
    <message>
        <source>The applicant signs: %1
Bring it by %2%3.</source>
        <translation>申请人签署承诺：%1
须于 %2%3 前补交。</translation>
    </message>
    <message>
        <source> (provisional: next year&apos;s calendar is not in yet)</source>
        <translation>（暂定：下一年度工作日历尚未导入）</translation>
    </message>
    <message>
        <source>If the applicant commits to bring it later, they sign: %1</source>
        <translation>如申请人承诺后补，须签署：%1</translation>
    </message>
    <message>
        <source>Only a supervisor&apos;s account can unlock what the first visit accepted.</source>
        <translation>只有负责人账号可以解锁首次办理时已收取的内容。</translation>
    </message>
    <message>
        <source>Previous material (Ctrl+Up)</source>
        <translation>上一份材料（Ctrl+↑）</translation>
    </message>
    <message>
        <source>Next material (Ctrl+Down)</source>
        <translation>下一份材料（Ctrl+↓）</translation>
    </message>
    <message>
        <source>To the decision (Ctrl+D)</source>
        <translation>去出具结果（Ctrl+D）</translation>
    </message>
    <message>
        <source>Key %1 goes to this review point.</source>
        <translation>按数字键 %1 转到此审查要点。</translation>
    </message>
    <message>
        <source>Met (Y, or Space on this button)</source>
        <translation>符合（Y，或在此按钮上按空格）</translation>
    </message>
    <message>
        <source>Not met (N): then choose the reason with the arrow keys</source>
        <translation>不符合（N），再用方向键选择原因</translation>
    </message>
    <message>
        <source>Show this page in the call</source>
        <translation>在通话中展示此页</translation>
    </message>
    <message>
        <source>The home window of the call under way sees this page at full resolution and can mark it.</source>
        <translation>正在通话的属地窗口将看到原始分辨率的此页，并可在上面标注。</translation>
    </message>
    <message>
        <source>No material yet: the case&apos;s materials are listed here.</source>
        <translation>暂无材料：打开办件后在此列出其材料。</translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::DecisionPage</name>
    <message>
        <source>Decision and notices</source>
        <translation>受理与告知</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>What the applicant must do</source>
        <translation>申请人需补正的内容</translation>
    </message>
    <message>
        <source>Back to the checklist</source>
        <translation>返回材料核验</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Reprint (补打)</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>Next applicant</source>
        <translation>办理下一位</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>当前没有打开的办件。</translation>
    </message>
    <message>
        <source>%1 · %2 · applicant %3</source>
        <translation>%1 · %2 · 申请人 %3</translation>
    </message>
    <message>
        <source>%1 %2, issued %3%4</source>
        <translation>%1 %2，出具于 %3%4</translation>
    </message>
    <message numerus="yes">
        <source>, reprinted %n time(s)</source>
        <translation>
            <numerusform>，已补打 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Complete. The receipt was issued and the case is in the outbox.</source>
        <translation>材料齐全。已出具收件回执，办件正在提交平台。</translation>
    </message>
    <message>
        <source>Complete. Official case number %1.</source>
        <translation>材料齐全。正式受理编号 %1。</translation>
    </message>
    <message>
        <source>Receipt issued</source>
        <translation>已出具收件回执</translation>
    </message>
    <message>
        <source>Awaiting correction: the one-time notice lists everything the applicant must bring. Open the case from Today when they return.</source>
        <translation>待补正：一次性告知书已列明申请人需补正的全部内容。申请人再次前来时，请在“今日”中打开此办件。</translation>
    </message>
    <message>
        <source>One-time notice issued</source>
        <translation>已出具一次性告知书</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Not decided yet:
%1</source>
        <translation>尚不能出具结果：
%1</translation>
    </message>
    <message>
        <source>Finish checking first</source>
        <translation>请先完成核验</translation>
    </message>
    <message>
        <source>Every material is in order: issue the receipt and transmit the case to the platform.</source>
        <translation>材料齐全、符合要求：出具收件回执并提交统一受理平台。</translation>
    </message>
    <message>
        <source>Issue receipt and transmit (Ctrl+P)</source>
        <translation>出具收件回执并提交（Ctrl+P）</translation>
    </message>
    <message numerus="yes">
        <source>%n deficiency(ies): issue the one-time notice listing all of them.</source>
        <translation>
            <numerusform>共 %n 处问题：出具一次性告知书，一次性告知全部问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>Issue one-time notice (Ctrl+P)</source>
        <translation>出具一次性告知书（Ctrl+P）</translation>
    </message>
    <message>
        <source>The receipt was issued, but the case could not be put in the outbox: %1</source>
        <translation>已出具收件回执，但办件未能放入上传队列：%1</translation>
    </message>
    <message>
        <source>One-time notice %1 printed. Hand it to the applicant to sign.</source>
        <translation>一次性告知书 %1 已打印。请交申请人签收。</translation>
    </message>
    <message>
        <source>Receipt %1 printed; the case is being transmitted.</source>
        <translation>收件回执 %1 已打印；办件正在提交平台。</translation>
    </message>
    <message>
        <source>Receipt %1 and mailing slip %2 printed; the case is being transmitted. Mail the paper originals by the next working day.</source>
        <translation>收件回执 %1 和寄送单 %2 已打印；办件正在提交平台。请于下一个工作日内寄出纸质原件。</translation>
    </message>
    <message>
        <source>Reprinted %1, marked 补打.</source>
        <translation>已补打 %1，标注“补打”。</translation>
    </message>
    <message>
        <source>Commitment: %1 (by %2%3)</source>
        <translation>承诺：%1（%2%3 前）</translation>
    </message>
    <message>
        <source>, provisional</source>
        <translation>，暂定</translation>
    </message>
    <message>
        <source>Accepted with tolerated absence (容缺受理). The receipt names what is owed and by when; the case is in the outbox.</source>
        <translation>容缺受理。收件回执已列明须补交的材料及期限；办件已进入待上传队列。</translation>
    </message>
    <message>
        <source>Accepted with tolerated absence (容缺受理). Official case number %1.</source>
        <translation>容缺受理。统一受理平台办件编号 %1。</translation>
    </message>
    <message>
        <source>%1, by %2%3</source>
        <translation>%1，%2%3 前补交</translation>
    </message>
    <message>
        <source> (provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <source>Accepted with tolerated absence (容缺受理): the applicant signed the commitment to bring %1. Issue the receipt, which names it and its deadline, and transmit the case.</source>
        <translation>容缺受理：申请人已签署承诺，补交%1。请出具收件回执（列明容缺材料及期限）并提交平台。</translation>
    </message>
    <message>
        <source>Receipt %1 printed. The platform cannot be reached now: the case waits in Outbox and mailing and is sent by itself when it is back.</source>
        <translation>收件回执 %1 已打印。平台暂时无法连接：办件在“上传与寄送”中等待，平台恢复后自动提交。</translation>
    </message>
    <message>
        <source>Receipt %1 and mailing slip %2 printed. The platform cannot be reached now: the case waits in Outbox and mailing and is sent by itself when it is back. Mail the paper originals by the next working day.</source>
        <translation>收件回执 %1 和寄送单 %2 已打印。平台暂时无法连接：办件在“上传与寄送”中等待，平台恢复后自动提交。请在下一个工作日内寄出纸质原件。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Preview of the notice</source>
        <translation>文书预览</translation>
    </message>
    <message>
        <source>No case in hand: start one on New case.</source>
        <translation>暂无办件：请先在“新建办件”中开始办理。</translation>
    </message>
    <message>
        <source>Applicant&apos;s rating (Ctrl+R)</source>
        <translation>申请人评价（Ctrl+R）</translation>
    </message>
    <message>
        <source>Rated by the applicant</source>
        <translation>申请人已评价</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · case %2</source>
        <translation>%1 · 办件 %2</translation>
    </message>
    <message>
        <source>Thank you. The rating (%1) is kept and sent to the platform.</source>
        <translation>谢谢！评价（%1）已保存，并将报送平台。</translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::GuideReportDialog</name>
    <message>
        <source>Report a guide error</source>
        <translation>指南纠错</translation>
    </message>
    <message>
        <source>%1 · material: %2</source>
        <translation>%1 · 材料：%2</translation>
    </message>
    <message>
        <source>The guide is wrong or unclear</source>
        <translation>办事指南有误或不清楚</translation>
    </message>
    <message>
        <source>A material outside the list was demanded</source>
        <translation>被要求提交清单以外的材料</translation>
    </message>
    <message>
        <source>A review point does not match the material</source>
        <translation>审查要点与材料不符</translation>
    </message>
    <message>
        <source>What is wrong, and what the guide should say</source>
        <translation>哪里有误，指南应当如何表述</translation>
    </message>
    <message>
        <source>Send to the platform</source>
        <translation>提交平台</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::GuidesPage</name>
    <message>
        <source>Unified guides</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <source>Name, code, keyword or pinyin initials (e.g. gtgsh)</source>
        <translation>名称、编码或拼音首字母，如 gtgsh</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <source>Review points</source>
        <translation>审查要点</translation>
    </message>
    <message numerus="yes">
        <source>Catalogue %1, %n item(s), published by %2</source>
        <translation>
            <numerusform>清单 %1，共 %n 个事项，%2 发布</numerusform>
        </translation>
    </message>
    <message>
        <source>No item matches &quot;%1&quot;.</source>
        <translation>没有与“%1”匹配的事项。</translation>
    </message>
    <message>
        <source>%1 original(s), %2 copy(ies)</source>
        <translation>原件 %1 份，复印件 %2 份</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>纸质</translation>
    </message>
    <message>
        <source>electronic</source>
        <translation>电子</translation>
    </message>
    <message>
        <source>paper and electronic</source>
        <translation>纸质和电子</translation>
    </message>
    <message>
        <source>tolerated absence allowed</source>
        <translation>可容缺受理</translation>
    </message>
    <message>
        <source>paper original mailed</source>
        <translation>纸质原件需寄送</translation>
    </message>
    <message>
        <source>only when: %1</source>
        <translation>适用情形：%1</translation>
    </message>
    <message>
        <source>citywide</source>
        <translation>全市通办</translation>
    </message>
    <message>
        <source>provincewide</source>
        <translation>全省通办</translation>
    </message>
    <message>
        <source>across provinces</source>
        <translation>跨省通办</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>事项类型</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>通办范围</translation>
    </message>
    <message>
        <source>Home jurisdiction</source>
        <translation>属地</translation>
    </message>
    <message>
        <source>Home windows</source>
        <translation>属地通办窗口</translation>
    </message>
    <message>
        <source>Implementing body</source>
        <translation>实施主体</translation>
    </message>
    <message>
        <source>Time limits</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>legal %1 working days, promised %2 working days</source>
        <translation>法定 %1 个工作日，承诺 %2 个工作日</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>free of charge</source>
        <translation>不收费</translation>
    </message>
    <message>
        <source>Acceptance conditions</source>
        <translation>受理条件</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>设定依据</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>办理流程</translation>
    </message>
    <message>
        <source>Location and hours</source>
        <translation>办理地点和时间</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>咨询方式</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>监督投诉</translation>
    </message>
    <message>
        <source>%1. [%2] %3
%4</source>
        <translation>%1. 【%2】%3
%4</translation>
    </message>
    <message>
        <source>No guide: the catalogue has not been loaded yet.</source>
        <translation>暂无办事指南：事项清单尚未载入。</translation>
    </message>
    <message>
        <source>Choose an item to see its materials.</source>
        <translation>暂无材料：请先在左侧选择事项。</translation>
    </message>
    <message>
        <source>Choose a material to see its review points.</source>
        <translation>暂无审查要点：请先选择材料。</translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::MainWindow</name>
    <message>
        <source>Tongban Workstation</source>
        <translation>通办工作站</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建办件</translation>
    </message>
    <message>
        <source>Material checking</source>
        <translation>材料核验</translation>
    </message>
    <message>
        <source>Video assistance</source>
        <translation>视频协助</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>留痕记录</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>Demo window (%1)</source>
        <translation>演示窗口（%1）</translation>
    </message>
    <message>
        <source>Unified guides</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Lock the window now (Ctrl+L)</source>
        <translation>立即锁定窗口（Ctrl+L）</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Decision and notices</source>
        <translation>受理与告知</translation>
    </message>
    <message>
        <source>Outbox and mailing</source>
        <translation>上传与寄送</translation>
    </message>
    <message>
        <source>Data: %1    Calendar: %2-%3    Platform: %4</source>
        <translation>数据：%1    日历：%2-%3    平台：%4</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <source>Only %1 can unlock this window.</source>
        <translation>只有%1可以解锁此窗口。</translation>
    </message>
    <message>
        <source>No platform is configured for this workstation. Ask IT support to set [platform] url in tongban.conf.</source>
        <translation>本工作站未配置平台。请联系信息技术人员在 tongban.conf 中设置 [platform] url。</translation>
    </message>
    <message>
        <source>Case %1 reopened where you left it.</source>
        <translation>办件 %1 已恢复到上次离开的位置。</translation>
    </message>
    <message>
        <source>Clerk: %1 (%2)</source>
        <translation>窗口人员：%1（%2）</translation>
    </message>
    <message>
        <source>Case %1 %2</source>
        <translation>办件 %1 %2</translation>
    </message>
    <message>
        <source>No platform is configured: the report cannot be sent.</source>
        <translation>未配置平台，纠错报告无法发送。</translation>
    </message>
    <message>
        <source>Guide error report sent to the platform.</source>
        <translation>指南纠错已发送至平台。</translation>
    </message>
    <message>
        <source>Video assistance (%1 ringing)</source>
        <translation>视频协助（%1 个来电）</translation>
    </message>
    <message>
        <source>A call is ringing: open Video assistance to answer.</source>
        <translation>有来电：请打开“视频协助”接听。</translation>
    </message>
    <message>
        <source>Open Outbox and mailing (Ctrl+6) to see why and send again.</source>
        <translation>打开“上传与寄送”（Ctrl+6）查看原因并重新提交。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+8</source>
        <translation>Ctrl+1 … Ctrl+8</translation>
    </message>
    <message>
        <source>Go to a screen (in the order of the list on the left)</source>
        <translation>转到对应页面（按左侧列表顺序）</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Lock the window</source>
        <translation>锁定窗口</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>New case: on to material checking</source>
        <translation>新建办件：进入材料核验</translation>
    </message>
    <message>
        <source>1 … 9</source>
        <translation>1 … 9</translation>
    </message>
    <message>
        <source>Material checking: go to that review point</source>
        <translation>材料核验：转到该审查要点</translation>
    </message>
    <message>
        <source>↑ ↓</source>
        <translation>↑ ↓</translation>
    </message>
    <message>
        <source>Material checking: previous or next review point</source>
        <translation>材料核验：上一个或下一个审查要点</translation>
    </message>
    <message>
        <source>Y / N</source>
        <translation>Y / N</translation>
    </message>
    <message>
        <source>Mark the review point met / not met</source>
        <translation>标记审查要点为符合 / 不符合</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Press the button with the focus</source>
        <translation>按下当前选中的按钮</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>Capture a page</source>
        <translation>拍摄一页</translation>
    </message>
    <message>
        <source>Ctrl+↓ / Ctrl+↑</source>
        <translation>Ctrl+↓ / Ctrl+↑</translation>
    </message>
    <message>
        <source>Next / previous material</source>
        <translation>下一份 / 上一份材料</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>To the decision</source>
        <translation>去出具结果</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Issue and print the notice</source>
        <translation>出具并打印告知书或回执</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Next / previous field</source>
        <translation>下一个 / 上一个输入项</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Show or hide this help</source>
        <translation>显示或隐藏本帮助</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Case %1 (%2) is not finished. It is kept and opened again when you next sign in. Sign out now?</source>
        <translation>办件 %1（%2）尚未办完，将予保留，下次登录时自动打开。现在退出登录吗？</translation>
    </message>
    <message>
        <source>applicant not entered</source>
        <translation>尚未填写申请人</translation>
    </message>
    <message>
        <source>Window setup</source>
        <translation>窗口设置</translation>
    </message>
    <message>
        <source>The settings are written to %1. Restart the workstation so that it uses them.</source>
        <translation>设置已写入 %1。请重新启动工作站以使用新设置。</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>After the receipt: the applicant rates the service (好差评)</source>
        <translation>出具回执后：申请人评价服务（好差评）</translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::NewCasePage</name>
    <message>
        <source>New case</source>
        <translation>新建办件</translation>
    </message>
    <message>
        <source>Item name, code or pinyin initials</source>
        <translation>事项名称、编码或拼音首字母</translation>
    </message>
    <message>
        <source>Unified guide</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <source>Start a case for this item</source>
        <translation>办理此事项</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Natural person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <source>Legal person or organisation</source>
        <translation>法人或其他组织</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation>联系电话（可选）</translation>
    </message>
    <message>
        <source>Questions that decide the materials</source>
        <translation>办理情形</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代办人</translation>
    </message>
    <message>
        <source>Materials to check</source>
        <translation>需核验的材料</translation>
    </message>
    <message>
        <source>Check the materials (Ctrl+Enter)</source>
        <translation>开始核验材料（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>%1 (in some cases)</source>
        <translation>%1（特定情形）</translation>
    </message>
    <message>
        <source>Decided by %1 (%2)</source>
        <translation>由%1（%2）办理</translation>
    </message>
    <message numerus="yes">
        <source>Promised time limit: %n working day(s)</source>
        <translation>
            <numerusform>承诺时限：%n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>Fee: %1</source>
        <translation>收费：%1</translation>
    </message>
    <message>
        <source>No fee</source>
        <translation>不收费</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <source>Case %1 · saved as you type</source>
        <translation>办件 %1 · 输入即保存</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>✓ Valid credit code</source>
        <translation>✓ 统一社会信用代码有效</translation>
    </message>
    <message>
        <source>%1 of 18 characters</source>
        <translation>已输入 %1 / 18 位</translation>
    </message>
    <message>
        <source>✓ Valid identity number</source>
        <translation>✓ 身份证号码有效</translation>
    </message>
    <message numerus="yes">
        <source>%n material(s) apply to these answers: </source>
        <translation>
            <numerusform>按以上情形需提交 %n 项材料：</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Answered at the first visit: read-only on a correction visit, so that no new material can be demanded.</source>
        <translation>首次办理时已作答：补正时只读，不得因此增加新的材料要求。</translation>
    </message>
    <message>
        <source>Supervisor: unlock the answers…</source>
        <translation>负责人：解锁情形选项…</translation>
    </message>
    <message>
        <source>Only a supervisor&apos;s account can unlock the answers.</source>
        <translation>只有负责人账号可以解锁情形选项。</translation>
    </message>
    <message>
        <source>Unlock the answers</source>
        <translation>解锁情形选项</translation>
    </message>
    <message>
        <source>Why must the answers accepted at the first visit change? The reason is kept in the trail under your account.</source>
        <translation>首次办理时的情形选项为何需要变更？原因将以您的账号记入留痕。</translation>
    </message>
    <message>
        <source>A case is open</source>
        <translation>有办件尚未办完</translation>
    </message>
    <message>
        <source>Case %1 (%2) is not finished. It stays on Today if you start a new case, and you can open it again from there.</source>
        <translation>办件 %1（%2）尚未办完。新建办件后，它仍列在“今日”中，可从那里再次打开。</translation>
    </message>
    <message>
        <source>applicant not entered</source>
        <translation>尚未填写申请人</translation>
    </message>
    <message>
        <source>Go on with it</source>
        <translation>继续办理</translation>
    </message>
    <message>
        <source>Start a new case</source>
        <translation>新建办件</translation>
    </message>
    <message>
        <source>Cancel it, then start a new case</source>
        <translation>作废此办件并新建</translation>
    </message>
    <message>
        <source>Cancel this case</source>
        <translation>作废此办件</translation>
    </message>
    <message>
        <source>The applicant left before any page was captured: the case is kept in the trail as cancelled.</source>
        <translation>申请人在拍摄任何材料前离开：办件作为已作废记入留痕。</translation>
    </message>
    <message>
        <source>Cancel case %1? Nothing was captured for it; it is kept in the trail as cancelled and cannot be opened again.</source>
        <translation>作废办件 %1？此办件未拍摄任何材料，将作为已作废记入留痕，不能再打开。</translation>
    </message>
    <message>
        <source>No item found: try its name, code or pinyin initials.</source>
        <translation>暂无匹配的事项：请输入事项名称、编码或拼音首字母。</translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::OutboxPage</name>
    <message>
        <source>Waiting to send</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>Uploading pages</source>
        <translation>正在上传页面</translation>
    </message>
    <message>
        <source>Submitting</source>
        <translation>正在提交</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>平台已受理</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Outbox and mailing</source>
        <translation>上传与寄送</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Pages sent</source>
        <translation>已上传页数</translation>
    </message>
    <message>
        <source>Official number</source>
        <translation>正式受理编号</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>最近的问题</translation>
    </message>
    <message>
        <source>Paper originals to mail (within 1 working day)</source>
        <translation>待寄送的纸质原件（1 个工作日内）</translation>
    </message>
    <message>
        <source>Mail by</source>
        <translation>寄出期限</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>寄递方式</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Cases are sent by themselves in the background and resume after a network failure or a restart.</source>
        <translation>办件在后台自动发送；网络中断或重启后会自动续传。</translation>
    </message>
    <message>
        <source>Not signed in to the platform: cases wait here and are sent after sign-in.</source>
        <translation>未登录平台：办件在此等待，登录后自动发送。</translation>
    </message>
    <message>
        <source>(next try %1)</source>
        <translation>（%1 重试）</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1（已逾期）</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>已寄出 %1</translation>
    </message>
    <message>
        <source>SF Express</source>
        <translation>顺丰速运</translation>
    </message>
    <message>
        <source>Government courier</source>
        <translation>政务机要通道</translation>
    </message>
    <message>
        <source>Waybill number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Record as sent</source>
        <translation>登记寄出</translation>
    </message>
    <message>
        <source>The case is not on the platform yet (see the outbox above): record the waybill once it is.</source>
        <translation>办件尚未提交到平台（见上方上传队列）：请在提交完成后再登记运单号。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>%1 (provisional)</source>
        <translation>%1（暂定）</translation>
    </message>
    <message>
        <source>No case is waiting for the platform.</source>
        <translation>暂无等待提交平台的办件。</translation>
    </message>
    <message>
        <source>No paper originals to mail.</source>
        <translation>暂无需要寄送的纸质原件。</translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::PlatformStatus</name>
    <message>
        <source>Platform not configured</source>
        <translation>平台未配置</translation>
    </message>
    <message>
        <source>Not signed in to the platform</source>
        <translation>未登录平台</translation>
    </message>
    <message>
        <source>Connecting to the platform…</source>
        <translation>正在连接平台…</translation>
    </message>
    <message>
        <source>Platform connected</source>
        <translation>平台已连接</translation>
    </message>
    <message>
        <source>Platform unreachable since %1, reconnecting</source>
        <translation>平台自 %1 起连接中断，正在重连</translation>
    </message>
    <message numerus="yes">
        <source> · %n case(s) waiting</source>
        <translation>
            <numerusform> · %n 件办件待提交</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n case(s) not sent</source>
        <translation>
            <numerusform> · %n 件办件未能提交</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::SignInPage</name>
    <message>
        <source>Your own clerk account</source>
        <translation>您本人的窗口人员账号</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Accounts are personal and never shared; every act is recorded under your name.</source>
        <translation>账号一人一号、不得共用；每一项操作都以您的名义留痕。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Window locked</source>
        <translation>窗口已锁定</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Locked after a period without use. Only %1 can unlock it; another clerk must sign out first.</source>
        <translation>长时间无操作，窗口已锁定。只有%1可以解锁；其他人员须先退出登录。</translation>
    </message>
    <message>
        <source>Enter your account.</source>
        <translation>请输入账号。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Signed in at another window</source>
        <translation>账号已在其他窗口登录</translation>
    </message>
    <message>
        <source>Locked by %1. Only %1 can unlock it; another clerk must sign out first.</source>
        <translation>%1已锁定窗口。只有%1可以解锁；其他人员须先退出登录。</translation>
    </message>
    <message>
        <source>Window setup (administrator)…</source>
        <translation>窗口设置（管理员）…</translation>
    </message>
    <message>
        <source>Platform, window identity and devices: for hall IT staff, with an administrator&apos;s account.</source>
        <translation>平台、窗口身份和设备：供大厅 IT 人员用管理员账号设置。</translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::TodayPage</name>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Next working day</source>
        <translation>下一个工作日</translation>
    </message>
    <message>
        <source>Paper originals received today must be mailed by</source>
        <translation>今日收件的纸质材料最迟寄出日</translation>
    </message>
    <message>
        <source>Calendar data covers</source>
        <translation>日历数据覆盖</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>本工作站</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Cases stored</source>
        <translation>已存办件</translation>
    </message>
    <message>
        <source>Pages stored</source>
        <translation>已存页面</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>留痕记录</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>今日：%1</translation>
    </message>
    <message>
        <source>Unknown: no calendar data for this year</source>
        <translation>未知：缺少本年度日历数据</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Rest day</source>
        <translation>休息日</translation>
    </message>
    <message>
        <source>Public holiday (%1)</source>
        <translation>法定节假日（%1）</translation>
    </message>
    <message>
        <source>cannot be computed: %1</source>
        <translation>无法计算：%1</translation>
    </message>
    <message>
        <source>Healthy (integrity check passed)</source>
        <translation>完好（完整性检查通过）</translation>
    </message>
    <message>
        <source>Damaged: call IT support before capturing anything</source>
        <translation>已损坏：请先联系信息技术人员，暂勿采集</translation>
    </message>
    <message>
        <source>Could not be checked: %1</source>
        <translation>无法检查：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s), chain intact</source>
        <translation>
            <numerusform>%n 条，记录链完整</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tampering detected in %n record(s): call your supervisor</source>
        <translation>
            <numerusform>%n 处发现篡改痕迹：请报告负责人</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalogue in force</source>
        <translation>现行清单</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n item(s), published %2</source>
        <translation>
            <numerusform>%1，共 %n 个事项，%2 发布</numerusform>
        </translation>
    </message>
    <message>
        <source>Awaiting correction</source>
        <translation>待补正</translation>
    </message>
    <message>
        <source>Received, transmitting</source>
        <translation>已收件，提交中</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>Being checked</source>
        <translation>核验中</translation>
    </message>
    <message>
        <source>Cases of today</source>
        <translation>今日办件</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Awaiting correction (待补正)</source>
        <translation>待补正办件</translation>
    </message>
    <message>
        <source>Identity number or credit code, then Enter</source>
        <translation>输入身份证号码或统一社会信用代码后按回车</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>告知日期</translation>
    </message>
    <message>
        <source>Transmission and mailing</source>
        <translation>上传与寄送</translation>
    </message>
    <message>
        <source>Mail by</source>
        <translation>寄出期限</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Paper originals</source>
        <translation>纸质原件</translation>
    </message>
    <message>
        <source>Platform and guides</source>
        <translation>平台与办事指南</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Not checked yet in this session</source>
        <translation>本次登录尚未检查</translation>
    </message>
    <message>
        <source>No case awaiting correction for this number</source>
        <translation>该号码没有待补正的办件</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) being transmitted</source>
        <translation>
            <numerusform>%n 件正在提交</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n acknowledged</source>
        <translation>
            <numerusform>%n 件平台已受理</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed: see Outbox</source>
        <translation>
            <numerusform>%n 件失败：请查看“上传与寄送”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n material(s)</source>
        <translation>
            <numerusform>%n 项材料</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1（已逾期）</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <source>Not connected (%1)</source>
        <translation>未连接（%1）</translation>
    </message>
    <message>
        <source>No guide you have used changed since you last used it.</source>
        <translation>您办理过的事项，其办事指南自上次办理以来均无变化。</translation>
    </message>
    <message>
        <source>Changed since you last used them: %1</source>
        <translation>自您上次办理以来办事指南有变化：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Results to print for the applicant</source>
        <translation>待打印的办理结果</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收取</translation>
    </message>
    <message>
        <source>Accepted (受理)</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Rejected (不予受理)</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Nothing to print.</source>
        <translation>没有待打印的结果。</translation>
    </message>
    <message>
        <source>Double-click a result (or Enter) to print it for the applicant.</source>
        <translation>双击结果（或按回车）为申请人打印。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>%1 (provisional: weekends only)</source>
        <translation>%1（暂定：仅按周末推算）</translation>
    </message>
    <message>
        <source>%1 (provisional)</source>
        <translation>%1（暂定）</translation>
    </message>
    <message>
        <source>Computed on weekends only: the calendar has no data for %1 yet. It is recomputed when the platform supplies that year.</source>
        <translation>仅按周末推算：工作日历尚无 %1 年数据。平台下发该年日历后将重新计算。</translation>
    </message>
    <message>
        <source>Received, on the platform</source>
        <translation>已收件，已提交平台</translation>
    </message>
    <message>
        <source>No case yet today.</source>
        <translation>暂无今日办件。</translation>
    </message>
    <message>
        <source>No case awaiting correction.</source>
        <translation>暂无待补正的办件。</translation>
    </message>
    <message>
        <source>No paper originals to mail.</source>
        <translation>暂无需要寄送的纸质原件。</translation>
    </message>
    <message>
        <source>No result to print.</source>
        <translation>暂无需要打印的结果。</translation>
    </message>
    <message>
        <source>The result is printed, but its handover slip is not: %1 Then print the slip again with the button below.</source>
        <translation>办件结果已打印，但结果领取单未打印：%1 处理后请点击下方按钮重新打印领取单。</translation>
    </message>
    <message>
        <source>Printed with its handover slip. Hand both to the applicant; the applicant signs the slip.</source>
        <translation>办件结果和领取单已打印，请一并交给申请人，并请申请人在领取单上签收。</translation>
    </message>
    <message>
        <source>Print the handover slip again</source>
        <translation>重新打印领取单</translation>
    </message>
    <message>
        <source>Handover slip printed. The applicant signs it.</source>
        <translation>领取单已打印，请申请人签收。</translation>
    </message>
</context>
<context>
    <name>Tongban::Imaging</name>
    <message>
        <source>The capture was cancelled.</source>
        <translation>已取消采集。</translation>
    </message>
    <message>
        <source>No page was found in the picture. Lay the page on the pad, inside the camera&apos;s view, then capture again.</source>
        <translation>画面中没有找到纸张。请把纸张放在拍摄台上、摄像头视野之内，然后重拍。</translation>
    </message>
    <message>
        <source>The picture is blurred. Hold the page flat and still, then capture again.</source>
        <translation>画面模糊，请把纸张放平放稳后重拍。</translation>
    </message>
    <message>
        <source>Light reflects off the page and hides part of it. Flatten the page or move it out of the reflection, then capture again.</source>
        <translation>纸面反光，遮住了部分内容。请压平纸张或移开反光处后重拍。</translation>
    </message>
    <message>
        <source>Part of the page is outside the camera&apos;s view. Move the page to the middle of the pad, then capture again.</source>
        <translation>纸张有一部分在画面之外。请把纸张移到拍摄台中间后重拍。</translation>
    </message>
    <message>
        <source>The page is too small in the picture to be read clearly. Use the scanner, or capture it closer.</source>
        <translation>纸张在画面中太小，无法看清。请改用扫描仪，或靠近拍摄。</translation>
    </message>
    <message>
        <source>The page looks blank. Check that the printed side faces up.</source>
        <translation>该页看起来是空白页。请检查是否有字的一面朝上。</translation>
    </message>
    <message>
        <source>No document camera is connected. Connect it, then choose it again.</source>
        <translation>未连接高拍仪。请连接后重新选择。</translation>
    </message>
    <message>
        <source>The document camera was disconnected. Reconnect it; the pages already captured are kept.</source>
        <translation>高拍仪已断开。请重新连接；已采集的页面均已保留。</translation>
    </message>
</context>
<context>
    <name>Tongban::Intake</name>
    <message>
        <source>The mailing address is incomplete. Enter the recipient, a mobile number of 11 digits, the 6-digit postal code and the full address.</source>
        <translation>邮寄地址不完整。请填写收件人、11 位手机号码、6 位邮政编码和详细地址。</translation>
    </message>
    <message numerus="yes">
        <source>%n original(s)</source>
        <translation>
            <numerusform>原件 %n 份</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies)</source>
        <translation>
            <numerusform>复印件 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>纸质</translation>
    </message>
    <message>
        <source>electronic</source>
        <translation>电子</translation>
    </message>
    <message>
        <source>paper and electronic</source>
        <translation>纸质和电子</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未核验</translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation>未提交</translation>
    </message>
    <message>
        <source>Please submit %1.</source>
        <translation>请提交《%1》。</translation>
    </message>
    <message>
        <source>Please submit %1 (%2).</source>
        <translation>请提交《%1》（%2）。</translation>
    </message>
    <message>
        <source>The guide does not allow tolerated absence for this material</source>
        <translation>办事指南未允许此材料容缺受理</translation>
    </message>
    <message>
        <source>Capture the pages</source>
        <translation>请采集材料页面</translation>
    </message>
    <message>
        <source>Does not meet: %1</source>
        <translation>不符合：%1</translation>
    </message>
    <message>
        <source>Please correct it as the guide requires.</source>
        <translation>请按办事指南要求补正。</translation>
    </message>
    <message numerus="yes">
        <source>%n review point(s) not marked</source>
        <translation>
            <numerusform>还有 %n 个审查要点未标记</numerusform>
        </translation>
    </message>
    <message>
        <source>Verify the original</source>
        <translation>请核验原件</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收取</translation>
    </message>
    <message>
        <source>Tolerated absence</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>Deficient</source>
        <translation>不符合要求</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>待核验</translation>
    </message>
    <message>
        <source>Enter the applicant&apos;s name.</source>
        <translation>请填写申请人姓名或名称。</translation>
    </message>
    <message>
        <source>Enter the applicant&apos;s identity number.</source>
        <translation>请填写申请人身份证号码。</translation>
    </message>
    <message>
        <source>Enter the unified social credit code.</source>
        <translation>请填写统一社会信用代码。</translation>
    </message>
    <message>
        <source>Enter the legal representative.</source>
        <translation>请填写法定代表人。</translation>
    </message>
    <message>
        <source>Enter the agent&apos;s name.</source>
        <translation>请填写代办人姓名。</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation>代办人：%1</translation>
    </message>
    <message>
        <source>The case could not be saved. Nothing already saved is lost; try again, and call IT support if it keeps failing.</source>
        <translation>办件未能保存。已保存的内容不会丢失；请重试，如仍失败请联系信息技术人员。</translation>
    </message>
    <message>
        <source>The case was not found on this workstation.</source>
        <translation>本工作站上没有找到该办件。</translation>
    </message>
    <message>
        <source>The saved case cannot be read. Call IT support; its pages are kept.</source>
        <translation>已保存的办件无法读取。请联系信息技术人员；其页面均已保留。</translation>
    </message>
    <message>
        <source>The page to retake is no longer in the case.</source>
        <translation>要重拍的页面已不在办件中。</translation>
    </message>
    <message>
        <source>The material is not in the case.</source>
        <translation>该材料不在办件中。</translation>
    </message>
    <message>
        <source>Only a case awaiting correction can be corrected.</source>
        <translation>只有待补正的办件才能补正。</translation>
    </message>
    <message>
        <source>The waybill number should be 8 to 30 letters or digits.</source>
        <translation>运单号应为 8 至 30 位字母或数字。</translation>
    </message>
    <message>
        <source>The mailing task was not found.</source>
        <translation>没有找到该寄送任务。</translation>
    </message>
    <message>
        <source>Only a complete case can be transmitted.</source>
        <translation>只有材料齐全的办件才能提交。</translation>
    </message>
    <message>
        <source>Record the applicant&apos;s commitment (the guide&apos;s standard text) for the tolerated absence</source>
        <translation>请记录申请人的容缺承诺（指南规定的标准文本）</translation>
    </message>
    <message>
        <source>Choose the guide&apos;s reason for failed review point(s) %1</source>
        <translation>请为不符合的审查要点 %1 选择指南规定的原因</translation>
    </message>
    <message>
        <source>The one-time notice did not ask for this material, so it cannot be demanded now: accept it, or ask a supervisor</source>
        <translation>一次性告知书未要求此材料，现在不得再要求：请予收取，或请负责人处理</translation>
    </message>
    <message>
        <source>This material was not listed on the one-time notice: a supervisor can unlock it</source>
        <translation>此材料未列入一次性告知书：负责人可解锁</translation>
    </message>
    <message>
        <source>This was accepted at the applicant&apos;s first visit and cannot be changed now: only what the one-time notice listed can change. A supervisor can unlock it.</source>
        <translation>此项在申请人首次办理时已收取，现在不能变更：只有一次性告知书列明的内容可以变更。负责人可解锁。</translation>
    </message>
    <message>
        <source>This case is no longer open for checking, so it cannot be changed here.</source>
        <translation>此办件已不在核验中，不能在此修改。</translation>
    </message>
    <message>
        <source>Only a case being checked can get a one-time notice.</source>
        <translation>只有核验中的办件才能出具一次性告知书。</translation>
    </message>
    <message>
        <source>The one-time notice already issued did not ask for this material, so a new notice cannot demand it.</source>
        <translation>已出具的一次性告知书未要求此材料，新的告知书不得再要求。</translation>
    </message>
    <message>
        <source>Only a supervisor can unlock what the applicant&apos;s first visit accepted.</source>
        <translation>只有负责人可以解锁申请人首次办理时已收取的内容。</translation>
    </message>
    <message>
        <source>Only a correction visit has accepted materials to unlock.</source>
        <translation>只有补正办理时才有可解锁的已收取材料。</translation>
    </message>
    <message>
        <source>Give the reason for unlocking: it is kept in the trail.</source>
        <translation>请填写解锁原因：将记入留痕。</translation>
    </message>
    <message>
        <source>Only a case being checked can be completed.</source>
        <translation>只有核验中的办件才能办结收件。</translation>
    </message>
    <message>
        <source>Only a case being checked can be transmitted.</source>
        <translation>只有核验中的办件才能提交平台。</translation>
    </message>
    <message>
        <source>The waybill of this mailing was already recorded.</source>
        <translation>此寄送任务的运单号已登记。</translation>
    </message>
    <message>
        <source>Only a case with no page captured, at its first visit, can be cancelled.</source>
        <translation>只有首次办理且未拍摄任何材料的办件才能作废。</translation>
    </message>
    <message>
        <source>Only a transmitted case can be reopened for the home department&apos;s request for correction.</source>
        <translation>只有已报送的办件才能按属地审批部门的补正要求重新打开。</translation>
    </message>
</context>
<context>
    <name>Tongban::Notices</name>
    <message>
        <source>The document was printed, but the workstation could not record it. %1</source>
        <translation>文书已打印，但工作站未能记录这次打印。%1</translation>
    </message>
    <message>
        <source>The reprint could not be saved, so it was not printed or counted. %1</source>
        <translation>补打件未能保存，因此没有打印，也不计入补打次数。%1</translation>
    </message>
    <message>
        <source>The print service (CUPS) of this workstation does not answer, so nothing was printed. The document is kept: ask IT support to start the print service, then print it again.</source>
        <translation>本工作站的打印服务（CUPS）没有响应，因此没有打印任何内容。文书已保存，不会丢失：请联系信息技术人员启动打印服务，然后重新打印。</translation>
    </message>
    <message>
        <source>No printer is set up for this window (none is named in tongban.conf and the workstation has no default printer), so nothing was printed. The document is kept: ask IT support to set up the printer, then print it again.</source>
        <translation>本窗口没有设置打印机（tongban.conf 中未指定打印机，工作站也没有默认打印机），因此没有打印任何内容。文书已保存，不会丢失：请联系信息技术人员设置打印机，然后重新打印。</translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; is not set up on this workstation, so nothing was printed. The document is kept: ask IT support to add the printer or to correct [printer] name in tongban.conf, then print it again.</source>
        <translation>本工作站上没有名为“%1”的打印机，因此没有打印任何内容。文书已保存，不会丢失：请联系信息技术人员添加该打印机，或更正 tongban.conf 中 [printer] 的 name，然后重新打印。</translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; is stopped, so nothing was printed. The document is kept: check the printer (power, paper, toner, a paper jam) and ask IT support to resume it, then print it again.</source>
        <translation>打印机“%1”已停止，因此没有打印任何内容。文书已保存，不会丢失：请检查打印机（电源、纸张、墨粉、是否卡纸），并请信息技术人员恢复打印机，然后重新打印。</translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; does not accept print jobs at the moment, so nothing was printed. The document is kept: ask IT support to let it accept jobs again, then print it again.</source>
        <translation>打印机“%1”目前不接受打印任务，因此没有打印任何内容。文书已保存，不会丢失：请联系信息技术人员让打印机重新接受任务，然后重新打印。</translation>
    </message>
    <message>
        <source>The document could not be sent to the printer &quot;%1&quot;, so nothing was printed. The document is kept: print it again; if it fails again, call IT support.</source>
        <translation>文书未能发送到打印机“%1”，因此没有打印任何内容。文书已保存，不会丢失：请重新打印；如再次失败，请联系信息技术人员。</translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; stopped the print job, so the document was not printed. The document is kept: check the printer (power, paper, toner, a paper jam), then print it again.</source>
        <translation>打印机“%1”停止了打印任务，文书没有打印出来。文书已保存，不会丢失：请检查打印机（电源、纸张、墨粉、是否卡纸），然后重新打印。</translation>
    </message>
    <message>
        <source>This reprint is not stored here.</source>
        <translation>本工作站没有保存这份补打件。</translation>
    </message>
    <message>
        <source>The stored reprint is damaged: it no longer matches what was rendered. Make a new reprint; if it happens again, call IT support.</source>
        <translation>保存的补打件已损坏：与生成时的内容不再一致。请重新补打；如再次出现，请联系信息技术人员。</translation>
    </message>
    <message>
        <source>The notice could not be produced: its kind is unknown.</source>
        <translation>无法生成文书：文书类型未知。</translation>
    </message>
    <message>
        <source>The notice could not be produced as a PDF. Try again; call IT support if it fails again.</source>
        <translation>无法生成 PDF 文书。请重试；如再次失败，请联系信息技术人员。</translation>
    </message>
    <message>
        <source>The notice could not be saved, so it was not issued. %1</source>
        <translation>文书未能保存，因此没有开具。%1</translation>
    </message>
    <message>
        <source>This notice is not stored here.</source>
        <translation>本机没有这份文书。</translation>
    </message>
    <message>
        <source>The stored notice is damaged: it no longer matches what was issued. Call IT support; do not reprint it.</source>
        <translation>本机保存的文书已损坏，与开具时的内容不符。请联系信息技术人员，切勿补打。</translation>
    </message>
    <message>
        <source>The numbers received from the platform are not valid; nothing was kept. Call IT support.</source>
        <translation>从平台收到的文书编号无效，未予保存。请联系信息技术人员。</translation>
    </message>
    <message>
        <source>The platform sent numbers this window already holds; nothing was kept. Call IT support.</source>
        <translation>平台发来的文书编号与本窗口已有的编号重复，未予保存。请联系信息技术人员。</translation>
    </message>
    <message>
        <source>This window has no notice number left, so nothing was issued or printed. Connect the workstation to the platform (check the network, then sign in again): the platform gives the window new numbers within a few seconds. Then issue again.</source>
        <translation>本窗口的文书编号已用完，未开具也未打印任何文书。请将工作站连接统一受理平台（检查网络后重新登录），平台将在几秒内为本窗口分配新的编号，然后重新开具。</translation>
    </message>
    <message>
        <source>The handover slip could not be produced as a PDF. Try again; call IT support if it fails again.</source>
        <translation>无法生成办件结果领取单 PDF。请重试；如再次失败，请联系信息技术人员。</translation>
    </message>
</context>
<context>
    <name>Tongban::Platform</name>
    <message>
        <source>The platform&apos;s answer about deliveries could not be read. Try again later; tell IT staff if it stays so.</source>
        <translation>无法读取平台关于送达的答复。请稍后重试；如仍如此，请告知信息技术人员。</translation>
    </message>
    <message>
        <source>The platform&apos;s CA certificate file cannot be read. Check the setting.</source>
        <translation>无法读取平台的 CA 证书文件。请检查设置。</translation>
    </message>
    <message>
        <source>The platform&apos;s CA certificate file contains no certificate. Check the setting.</source>
        <translation>平台的 CA 证书文件中没有证书。请检查设置。</translation>
    </message>
    <message>
        <source>The platform address is not valid. Check the setting.</source>
        <translation>平台地址无效。请检查设置。</translation>
    </message>
    <message>
        <source>The platform must be reached over HTTPS. Check the platform address.</source>
        <translation>必须通过 HTTPS 连接平台。请检查平台地址。</translation>
    </message>
    <message>
        <source>The platform sent an answer far larger than expected; it was refused. If it keeps happening, call the hall&apos;s IT staff.</source>
        <translation>平台返回的数据远超预期，已拒收。如反复出现，请联系大厅信息技术人员。</translation>
    </message>
    <message>
        <source>The platform sent an answer this workstation cannot read. Try again later; if it keeps happening, call the hall&apos;s IT staff.</source>
        <translation>平台返回的数据本工作站无法识别。请稍后重试；如反复出现，请联系大厅信息技术人员。</translation>
    </message>
    <message>
        <source>Enter the account and the password.</source>
        <translation>请输入账号和密码。</translation>
    </message>
    <message>
        <source>Nobody is signed in at this window. Sign in.</source>
        <translation>本窗口尚无人员登录。请登录。</translation>
    </message>
    <message>
        <source>The sign-in has expired. Sign in again.</source>
        <translation>登录已过期，请重新登录。</translation>
    </message>
    <message>
        <source>The platform reports more bytes than the file has.</source>
        <translation>平台报告的已收字节数超过文件大小。</translation>
    </message>
    <message>
        <source>A page could not be uploaded to the platform. The workstation will try again.</source>
        <translation>有一页未能上传到平台，工作站将自动重试。</translation>
    </message>
    <message>
        <source>The catalogue sent by the platform is invalid and was not used; the catalogue in force stays in force. The platform has been told. If it keeps happening, call the hall&apos;s IT staff.</source>
        <translation>平台下发的事项清单无效，未被采用；现行清单继续有效，已告知平台。如反复出现，请联系大厅信息技术人员。</translation>
    </message>
    <message>
        <source>The working-day calendar sent by the platform is invalid and was not used; the calendar in force stays in force.</source>
        <translation>平台下发的工作日历无效，未被采用；现行日历继续有效。</translation>
    </message>
    <message>
        <source>No calendar has been received from the platform.</source>
        <translation>尚未收到平台下发的工作日历。</translation>
    </message>
    <message>
        <source>Results cannot be received: nobody is signed in to the platform. Sign in.</source>
        <translation>无法接收办理结果：尚未登录平台。请登录。</translation>
    </message>
    <message>
        <source>The notice document sent by the platform is damaged (its SHA-256 fingerprint does not match the result); it was not stored. The workstation asks for it again by itself; if it keeps happening, call the hall&apos;s IT staff.</source>
        <translation>平台下发的文书已损坏（SHA-256 指纹与结果不符），未予保存。工作站会自动重新获取；如反复出现，请联系大厅信息技术人员。</translation>
    </message>
    <message>
        <source>This result is not kept on this workstation.</source>
        <translation>本工作站未保存该办理结果。</translation>
    </message>
    <message>
        <source>The connection to the platform is not up at the moment; try again in a moment.</source>
        <translation>目前与平台的连接尚未建立，请稍后再试。</translation>
    </message>
    <message>
        <source>Only a case whose transmission failed can be sent again.</source>
        <translation>只有提交失败的办件才能重新发送。</translation>
    </message>
    <message>
        <source>This account signed in at another window, which ended the sign-in here. Sign in again.</source>
        <translation>此账号已在其他窗口登录，本窗口的登录已结束。请重新登录。</translation>
    </message>
    <message>
        <source>The notice cannot be sent to the platform: it lacks its serial, item, catalogue version, the applicant&apos;s number or its deficiencies.</source>
        <translation>无法向平台登记该告知书：缺少编号、事项、清单版本、申请人证件号码或需补正的内容。</translation>
    </message>
    <message>
        <source>The platform&apos;s answer could not be read. Try again; if it persists, tell IT support.</source>
        <translation>无法读取平台的答复。请重试；如仍不行，请联系信息技术人员。</translation>
    </message>
    <message>
        <source>The case has not reached the platform yet: the rating is sent after it.</source>
        <translation>办件尚未报送到平台：评价将在办件报送后发送。</translation>
    </message>
</context>
<context>
    <name>Tongban::Security</name>
    <message>
        <source>The action could not be recorded in the audit trail, so it must not be treated as done. Try again; if it happens again, call IT support.</source>
        <translation>该操作未能写入留痕记录，因此不能视为已完成。请重试；如再次出现，请联系信息技术人员。</translation>
    </message>
    <message>
        <source>The audit trail could not be read. Try again; if it happens again, call IT support.</source>
        <translation>无法读取留痕记录。请重试；如再次出现，请联系信息技术人员。</translation>
    </message>
    <message>
        <source>The audit trail is damaged: its anchor record is missing. Call IT security support before working on.</source>
        <translation>留痕记录已损坏：锚定记录缺失。请先联系信息安全人员，再继续工作。</translation>
    </message>
    <message>
        <source>The action could not be recorded in the audit trail because the program did not say what was done. Call IT support.</source>
        <translation>程序未说明所做的操作，无法写入留痕记录。请联系信息技术人员。</translation>
    </message>
    <message>
        <source>The audit trail shows signs of tampering, so no old records were removed: they are evidence. Call IT security support.</source>
        <translation>留痕记录有篡改迹象，旧记录作为证据一律保留、未予清理。请联系信息安全人员。</translation>
    </message>
</context>
<context>
    <name>Tongban::Storage</name>
    <message>
        <source>The workstation database could not be opened. Check that the disk is present and not full, then restart; if it happens again, call IT support with this message.</source>
        <translation>无法打开工作站数据库。请检查磁盘是否正常、是否已满，然后重新启动；如再次出现，请将本提示告知信息技术人员。</translation>
    </message>
    <message>
        <source>This workstation database was written by a newer version of Tongban Workstation. It has not been changed. Install the newer version again (never a downgrade) or call IT support.</source>
        <translation>此工作站数据库由更新版本的通办工作站写入，本程序未作任何改动。请重新安装新版本（切勿降级）或联系信息技术人员。</translation>
    </message>
    <message>
        <source>The database schema of this build is inconsistent. Call IT support.</source>
        <translation>本版本程序的数据库结构不一致。请联系信息技术人员。</translation>
    </message>
    <message>
        <source>The disk is full, so nothing more can be saved. Everything saved before is intact. Free disk space (or call IT support), then try again.</source>
        <translation>磁盘已满，无法继续保存；此前保存的内容完好无损。请清理磁盘空间（或联系信息技术人员）后重试。</translation>
    </message>
    <message>
        <source>The workstation database refused an operation. Nothing was lost; try again, and call IT support if it happens again.</source>
        <translation>工作站数据库拒绝了本次操作，数据没有丢失。请重试；如再次出现，请联系信息技术人员。</translation>
    </message>
    <message>
        <source>The workstation is not allowed to write its data folder. Everything saved before is intact. Call IT support to check the folder&apos;s permissions.</source>
        <translation>工作站无权写入数据目录；此前保存的内容完好无损。请联系信息技术人员检查目录权限。</translation>
    </message>
    <message>
        <source>Saving to disk failed. Everything saved before is intact. Try again; if it fails again, call IT support.</source>
        <translation>保存到磁盘失败；此前保存的内容完好无损。请重试；如再次失败，请联系信息技术人员。</translation>
    </message>
    <message>
        <source>The page has no case to belong to.</source>
        <translation>该页面没有所属办件。</translation>
    </message>
    <message>
        <source>The page reference is invalid.</source>
        <translation>页面引用无效。</translation>
    </message>
    <message>
        <source>A page file is missing from the data folder. Capture the page again; call IT support if other pages are missing too.</source>
        <translation>数据目录中缺少一个页面文件。请重新拍摄该页；如其他页面也缺失，请联系信息技术人员。</translation>
    </message>
    <message>
        <source>A page file could not be read. Try again; call IT support if it keeps failing.</source>
        <translation>无法读取页面文件。请重试；如持续失败，请联系信息技术人员。</translation>
    </message>
    <message>
        <source>A page file is damaged (its content no longer matches what was captured). Capture the page again and call IT support to check the disk.</source>
        <translation>页面文件已损坏（内容与拍摄时不符）。请重新拍摄该页，并联系信息技术人员检查磁盘。</translation>
    </message>
    <message>
        <source>This page no longer exists.</source>
        <translation>该页面已不存在。</translation>
    </message>
</context>
<context>
    <name>Tongban::Widgets</name>
    <message>
        <source>Document camera picture</source>
        <translation>高拍仪画面</translation>
    </message>
    <message>
        <source>Press Space to capture the page now.</source>
        <translation>按空格键立即拍摄。</translation>
    </message>
    <message>
        <source>The page&apos;s outline is uncertain: drag a corner onto the page&apos;s corner (or press 1-4 and the arrow keys), then press Space.</source>
        <translation>页面轮廓不确定：请把角点拖到页面的角上（或按 1-4 选角、用方向键移动），然后按空格键。</translation>
    </message>
    <message>
        <source>Page captured</source>
        <translation>已拍摄</translation>
    </message>
    <message>
        <source>No document camera detected</source>
        <translation>未检测到高拍仪</translation>
    </message>
    <message>
        <source>Connect the document camera with its USB cable and check that it is switched on. The picture appears here by itself.</source>
        <translation>请用 USB 线连接高拍仪并确认已开机，画面会自动显示在这里。</translation>
    </message>
    <message>
        <source>No picture from the document camera</source>
        <translation>高拍仪没有画面</translation>
    </message>
    <message>
        <source>Looking for a page</source>
        <translation>正在寻找纸张</translation>
    </message>
    <message>
        <source>Hold still</source>
        <translation>请保持不动</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>已拍摄</translation>
    </message>
    <message>
        <source>Manual capture: press Space</source>
        <translation>手动拍摄：按空格键</translation>
    </message>
    <message>
        <source>The document camera&apos;s picture, to check it: nothing is captured here.</source>
        <translation>高拍仪画面，仅用于检查，这里不拍摄。</translation>
    </message>
    <message>
        <source>Picture check only: nothing is captured</source>
        <translation>仅检查画面，不拍摄</translation>
    </message>
    <message>
        <source>Capturing…</source>
        <translation>正在拍摄…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Retake page %1</source>
        <translation>重拍第 %1 页</translation>
    </message>
    <message>
        <source>Captured pages</source>
        <translation>已采集的页面</translation>
    </message>
    <message>
        <source>Delete page</source>
        <translation>删除页面</translation>
    </message>
    <message>
        <source>Delete page %1 of this material? The picture is removed from the case.</source>
        <translation>删除此材料的第 %1 页？该图片将从办件中移除。</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Open large view	Enter</source>
        <translation>放大查看	Enter</translation>
    </message>
    <message>
        <source>Rotate right	Ctrl+R</source>
        <translation>向右旋转	Ctrl+R</translation>
    </message>
    <message>
        <source>Move left	Ctrl+Left</source>
        <translation>左移	Ctrl+←</translation>
    </message>
    <message>
        <source>Move right	Ctrl+Right</source>
        <translation>右移	Ctrl+→</translation>
    </message>
    <message>
        <source>Insert a page before this one</source>
        <translation>在此页之前插入一页</translation>
    </message>
    <message>
        <source>Retake this page</source>
        <translation>重拍此页</translation>
    </message>
    <message>
        <source>Delete page	Del</source>
        <translation>删除页面	Del</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>This page has no picture.</source>
        <translation>此页没有图片。</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>箭头</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>方框</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Note text, then click the page</source>
        <translation>先输入批注文字，再点击页面</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>缩小 (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>放大 (+)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>The whole page (0)</source>
        <translation>整页显示 (0)</translation>
    </message>
    <message>
        <source>The document camera sent no picture. Check its USB cable and that it is switched on, then choose Refresh.</source>
        <translation>高拍仪没有传来画面。请检查USB线和电源开关，然后点击“刷新”。</translation>
    </message>
    <message>
        <source>Connecting to the document camera…</source>
        <translation>正在连接高拍仪…</translation>
    </message>
    <message>
        <source>The picture appears here in a moment.</source>
        <translation>画面稍后出现在这里。</translation>
    </message>
</context>
<context>
    <name>Tongban::Widgets::SampleView</name>
    <message>
        <source>No sample for this material.</source>
        <translation>该材料没有示范样表。</translation>
    </message>
    <message>
        <source>The sample image could not be shown.</source>
        <translation>无法显示示范样表图片。</translation>
    </message>
</context>
<context>
    <name>Tr</name>
    <message>
        <source>The picture from the device could not be read. Capture the page again.</source>
        <translation>无法读取设备传来的画面。请重新拍摄该页。</translation>
    </message>
    <message>
        <source>The page could not be saved as an image. Try again.</source>
        <translation>该页未能保存为图片。请重试。</translation>
    </message>
    <message>
        <source>There are no pages to put in the PDF.</source>
        <translation>没有可生成 PDF 的页面。</translation>
    </message>
    <message>
        <source>The PDF file could not be written. Check the folder and free space.</source>
        <translation>无法写入 PDF 文件。请检查目录和剩余空间。</translation>
    </message>
    <message>
        <source>The platform cannot be reached. Check the network cable and the hall&apos;s network; the workstation keeps the work and tries again.</source>
        <translation>无法连接平台。请检查网线和大厅网络；工作站会保留已办内容并自动重试。</translation>
    </message>
    <message>
        <source>The platform&apos;s identity could not be verified (its security certificate is not trusted), so nothing was sent. Call the hall&apos;s IT staff.</source>
        <translation>无法确认平台身份（其安全证书不受信任），因此没有发送任何数据。请联系大厅信息技术人员。</translation>
    </message>
    <message>
        <source>The platform sent an answer this workstation cannot read. Try again later; if it keeps happening, call the hall&apos;s IT staff.</source>
        <translation>平台返回的数据本工作站无法识别。请稍后重试；如反复出现，请联系大厅信息技术人员。</translation>
    </message>
    <message>
        <source>The account or the password is wrong. Check both and sign in again.</source>
        <translation>账号或密码错误。请核对后重新登录。</translation>
    </message>
    <message>
        <source>a quarter of an hour</source>
        <translation>十五分钟</translation>
    </message>
    <message>
        <source>This account is locked after too many failed sign-ins. Try again after %1, or ask the administrator to unlock it.</source>
        <translation>登录失败次数过多，账号已锁定。请在 %1 后重试，或请管理员解锁。</translation>
    </message>
    <message>
        <source>This account is not assigned to this window. Check the window setting or ask the administrator.</source>
        <translation>该账号未分配到本窗口。请检查窗口设置或联系管理员。</translation>
    </message>
    <message>
        <source>This account is disabled. Ask the administrator to enable it.</source>
        <translation>该账号已停用。请联系管理员启用。</translation>
    </message>
    <message>
        <source>The sign-in has expired. Sign in again.</source>
        <translation>登录已过期，请重新登录。</translation>
    </message>
    <message>
        <source>The platform refused the case as incomplete or wrong. Check it and transmit it again.</source>
        <translation>平台认为办件不完整或有误，已拒收。请检查后重新传输。</translation>
    </message>
    <message>
        <source>The platform is not available at the moment. The workstation keeps the work and tries again by itself.</source>
        <translation>平台暂时不可用。工作站会保留已办内容并自动重试。</translation>
    </message>
    <message>
        <source>The platform does not know the requested record.</source>
        <translation>平台上没有所请求的记录。</translation>
    </message>
    <message>
        <source>The platform reports a conflict with an earlier request. The workstation will re-check and try again.</source>
        <translation>平台报告与之前的请求冲突。工作站将重新核对后重试。</translation>
    </message>
    <message>
        <source>The platform refused the request for this sign-in. Sign in again.</source>
        <translation>平台拒绝了本次登录下的请求。请重新登录。</translation>
    </message>
    <message>
        <source>The platform refused the request. If it keeps happening, call the hall&apos;s IT staff.</source>
        <translation>平台拒绝了该请求。如反复出现，请联系大厅信息技术人员。</translation>
    </message>
    <message>
        <source>The system keychain could not keep the sign-in. Sign in again; if it keeps happening, call the hall&apos;s IT staff.</source>
        <translation>系统钥匙串无法保存登录信息。请重新登录；如反复出现，请联系大厅信息技术人员。</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Page at rest</source>
        <translation>纸张静止</translation>
    </message>
    <message>
        <source>Page moves, then settles</source>
        <translation>纸张移动后放稳</translation>
    </message>
    <message>
        <source>Empty pad</source>
        <translation>空拍摄台</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Blur (0.1 mm)</source>
        <translation>模糊（0.1 毫米）</translation>
    </message>
    <message>
        <source>Glare</source>
        <translation>反光</translation>
    </message>
    <message>
        <source>Cut-off corner</source>
        <translation>缺角</translation>
    </message>
    <message>
        <source>Hand in frame</source>
        <translation>画面中有手</translation>
    </message>
    <message>
        <source>White on white</source>
        <translation>白纸白底</translation>
    </message>
    <message>
        <source>Two documents</source>
        <translation>两份文件</translation>
    </message>
    <message>
        <source>Still resolution</source>
        <translation>拍照分辨率</translation>
    </message>
    <message>
        <source>Simulated document camera</source>
        <translation>模拟高拍仪</translation>
    </message>
    <message>
        <source>The document camera was disconnected. Reconnect it; pages already captured are kept.</source>
        <translation>高拍仪已断开。请重新连接；已拍摄的页面均已保留。</translation>
    </message>
    <message>
        <source>The document camera is not ready. Choose it again.</source>
        <translation>高拍仪未就绪。请重新选择。</translation>
    </message>
    <message>
        <source>The capture was cancelled.</source>
        <translation>已取消采集。</translation>
    </message>
    <message>
        <source>This device has no such setting.</source>
        <translation>该设备没有此项设置。</translation>
    </message>
    <message>
        <source>This value is not allowed for the setting.</source>
        <translation>该设置不允许此取值。</translation>
    </message>
    <message>
        <source>A capture is already in progress.</source>
        <translation>正在采集中。</translation>
    </message>
    <message>
        <source>This case cannot be transmitted: its data is incomplete. Call the hall&apos;s IT staff.</source>
        <translation>该办件数据不完整，无法传输。请联系大厅信息技术人员。</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>纸质</translation>
    </message>
    <message>
        <source>This record cannot be sent to the platform: a required field is missing. Complete it and save it again.</source>
        <translation>该记录缺少必填项，无法发送至平台。请补全后重新保存。</translation>
    </message>
    <message>
        <source>A result sent by the platform could not be read; it was not stored. The workstation asks for it again by itself; if it keeps happening, call the hall&apos;s IT staff.</source>
        <translation>平台下发的办理结果无法读取，未予保存。工作站会自动重新获取；如反复出现，请联系大厅信息技术人员。</translation>
    </message>
    <message>
        <source>No document camera is connected. Plug the camera&apos;s USB cable into this computer, wait a few seconds, then choose Refresh.</source>
        <translation>未连接高拍仪。请将高拍仪的 USB 线插入本机，稍候几秒，然后点击“刷新”。</translation>
    </message>
    <message>
        <source>The document camera is not connected. Check its USB cable, then choose it again.</source>
        <translation>高拍仪未连接。请检查 USB 线，然后重新选择。</translation>
    </message>
    <message>
        <source>The document camera could not take the picture. Capture again; if it fails again, reconnect the camera.</source>
        <translation>高拍仪未能拍摄。请重拍；如仍失败，请重新连接高拍仪。</translation>
    </message>
    <message>
        <source>The document camera is still starting. Wait a moment, then capture again.</source>
        <translation>高拍仪正在启动。请稍候再拍。</translation>
    </message>
    <message>
        <source>The document camera stopped working. Reconnect it, then choose it again; pages already captured are kept.</source>
        <translation>高拍仪停止工作。请重新连接后再次选择；已采集的页面均已保留。</translation>
    </message>
    <message>
        <source>The scanners did not answer in time. Check their cables and power, then choose Refresh.</source>
        <translation>扫描仪未及时响应。请检查连接线和电源，然后点击“刷新”。</translation>
    </message>
    <message>
        <source>No scanner was found. Check that the scanner is switched on and its USB cable is plugged in, then choose Refresh.</source>
        <translation>未找到扫描仪。请确认扫描仪已开机且 USB 线已连接，然后点击“刷新”。</translation>
    </message>
    <message>
        <source>The scanner is not ready. Choose it again.</source>
        <translation>扫描仪未就绪。请重新选择。</translation>
    </message>
    <message>
        <source>The scanner does not answer. Check that it is switched on, then choose it again.</source>
        <translation>扫描仪无响应。请确认已开机，然后重新选择。</translation>
    </message>
    <message>
        <source>A sheet scanner shows no live picture. Put the page in, then scan.</source>
        <translation>馈纸式扫描仪没有实时画面。请放入纸张后扫描。</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>Black and white</source>
        <translation>黑白</translation>
    </message>
    <message>
        <source>Flatbed</source>
        <translation>平板</translation>
    </message>
    <message>
        <source>Document feeder</source>
        <translation>自动进纸器</translation>
    </message>
    <message>
        <source>Document feeder, both sides</source>
        <translation>自动进纸器（双面）</translation>
    </message>
    <message>
        <source>The feeder is empty. Put the pages in the feeder, then scan.</source>
        <translation>进纸器中没有纸张。请放入纸张后扫描。</translation>
    </message>
    <message>
        <source>Paper is jammed in the scanner. Open the scanner, remove the paper, then scan again.</source>
        <translation>扫描仪卡纸。请打开扫描仪取出纸张，然后重新扫描。</translation>
    </message>
    <message>
        <source>The scanner&apos;s cover is open. Close it, then scan again.</source>
        <translation>扫描仪盖板未合上。请合上后重新扫描。</translation>
    </message>
    <message>
        <source>The scanner is busy, perhaps in use by another program. Wait a moment, then try again.</source>
        <translation>扫描仪正忙，可能正被其他程序使用。请稍候重试。</translation>
    </message>
    <message>
        <source>This computer is not allowed to use the scanner. Ask IT to check the scanner&apos;s permissions.</source>
        <translation>本机无权使用该扫描仪。请信息技术人员检查扫描仪权限。</translation>
    </message>
    <message>
        <source>The scanner stopped responding. Check its cable and power, then scan again.</source>
        <translation>扫描仪停止响应。请检查连接线和电源，然后重新扫描。</translation>
    </message>
    <message>
        <source>The scanner sent a picture this program cannot read. Ask IT to check the scanner settings.</source>
        <translation>扫描仪发送的图像无法读取。请信息技术人员检查扫描仪设置。</translation>
    </message>
    <message>
        <source>The scanner could not be opened. Check that it is switched on and connected, then choose it again.</source>
        <translation>无法打开扫描仪。请确认已开机并已连接，然后重新选择。</translation>
    </message>
    <message>
        <source>Resolution (dpi)</source>
        <translation>分辨率（dpi）</translation>
    </message>
    <message>
        <source>%1 dpi</source>
        <translation>%1 dpi</translation>
    </message>
    <message>
        <source>Colour mode</source>
        <translation>色彩模式</translation>
    </message>
    <message>
        <source>Paper source</source>
        <translation>纸张来源</translation>
    </message>
    <message>
        <source>The scanner did not accept this setting.</source>
        <translation>扫描仪不接受该设置。</translation>
    </message>
    <message>
        <source>The scanner software (SANE) could not start. Ask IT to check the scanner installation.</source>
        <translation>扫描仪软件（SANE）无法启动。请信息技术人员检查扫描仪安装。</translation>
    </message>
    <message>
        <source>The list of scanners could not be read. Check the scanner&apos;s cable and power, then try again.</source>
        <translation>无法读取扫描仪列表。请检查扫描仪连接线和电源后重试。</translation>
    </message>
    <message>
        <source>The scanner software (SANE) is not installed. Ask IT to install it.</source>
        <translation>未安装扫描仪软件（SANE）。请信息技术人员安装。</translation>
    </message>
    <message>
        <source>A call is already under way at this window. End it first.</source>
        <translation>本窗口已有通话正在进行，请先结束该通话。</translation>
    </message>
    <message>
        <source>This call is no longer ringing or active.</source>
        <translation>该呼叫已不在振铃或通话中。</translation>
    </message>
    <message>
        <source>This account signed in at another window, which ended the sign-in here. Sign in again.</source>
        <translation>此账号已在其他窗口登录，本窗口的登录已结束。请重新登录。</translation>
    </message>
    <message>
        <source>The call recording could not be saved. Check the free space of the workstation&apos;s disk and tell IT staff.</source>
        <translation>通话录像无法保存。请检查工作站磁盘的剩余空间，并告知信息技术人员。</translation>
    </message>
</context>
<context>
    <name>Tongban::Hub::StatsReport</name>
    <message>
        <source>Statistics of cases handled at any hall</source>
        <translation>通办办件统计</translation>
    </message>
    <message>
        <source>The report could not be written. Check that the folder exists and is writable.</source>
        <translation>报告无法写入。请检查文件夹是否存在且可写入。</translation>
    </message>
    <message>
        <source>Period: %1 to %2</source>
        <translation>统计期间：%1 至 %2</translation>
    </message>
    <message>
        <source>Cases transmitted</source>
        <translation>传送办件数</translation>
    </message>
    <message>
        <source>Corrections requested (return rate)</source>
        <translation>补齐补正告知（退件率）</translation>
    </message>
    <message>
        <source>Decisions: accepted / rejected</source>
        <translation>受理／不予受理</translation>
    </message>
    <message>
        <source>Rejection rate</source>
        <translation>不予受理率</translation>
    </message>
    <message>
        <source>Receipt to transmission, working days (average / longest)</source>
        <translation>收件至传送用时（工作日，平均／最长）</translation>
    </message>
    <message>
        <source>Submission to decision, working days (average)</source>
        <translation>传送至受理决定用时（工作日，平均）</translation>
    </message>
    <message>
        <source>Decisions overdue</source>
        <translation>受理决定超期</translation>
    </message>
    <message>
        <source>Paper originals mailed / mailed late</source>
        <translation>纸质材料寄送／逾期寄送</translation>
    </message>
    <message>
        <source>Results completed / delivered late</source>
        <translation>办结／逾期送达</translation>
    </message>
    <message>
        <source>Missed assistance calls / escalations</source>
        <translation>视频协助未接听／上报</translation>
    </message>
    <message>
        <source>Ratings (average score)</source>
        <translation>评价数（平均分）</translation>
    </message>
    <message>
        <source>Poor ratings / rectified (rectification rate)</source>
        <translation>差评／已整改（整改率）</translation>
    </message>
    <message>
        <source>Text messages sent / failed</source>
        <translation>短信已发送／发送失败</translation>
    </message>
    <message>
        <source>Cases by application jurisdiction</source>
        <translation>按申请地统计办件</translation>
    </message>
    <message>
        <source>Cases by home jurisdiction</source>
        <translation>按属地统计办件</translation>
    </message>
    <message>
        <source>Cases by window</source>
        <translation>按窗口统计办件</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Generated %1 by tongban-hub</source>
        <translation>由 tongban-hub 生成于 %1</translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::ResultDeliveryBox</name>
    <message>
        <source>How the applicant receives the result</source>
        <translation>办理结果领取方式</translation>
    </message>
    <message>
        <source>Collect at this window</source>
        <translation>到本窗口领取</translation>
    </message>
    <message>
        <source>Collect at the home window</source>
        <translation>到属地通办窗口领取</translation>
    </message>
    <message>
        <source>By mail</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <source>Print it at a self-service terminal</source>
        <translation>自助终端自行打印</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <source>Keep address</source>
        <translation>保存地址</translation>
    </message>
    <message>
        <source>On the receipt: %1</source>
        <translation>收件回执将写明：%1</translation>
    </message>
    <message>
        <source>Enter the mailing address, then keep it.</source>
        <translation>请填写邮寄地址，然后保存。</translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::DeliveriesCard</name>
    <message>
        <source>No result to deliver.</source>
        <translation>暂无待送达的办理结果。</translation>
    </message>
    <message>
        <source>By mail</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <source>Collect at the home window</source>
        <translation>到属地通办窗口领取</translation>
    </message>
    <message>
        <source>Self-print</source>
        <translation>自助打印</translation>
    </message>
    <message>
        <source>Collect at this window</source>
        <translation>到本窗口领取</translation>
    </message>
    <message>
        <source>Results to deliver</source>
        <translation>待送达的办理结果</translation>
    </message>
    <message>
        <source>Deliver by</source>
        <translation>送达期限</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>办件号</translation>
    </message>
    <message>
        <source>How</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <source>No platform is configured.</source>
        <translation>未配置统一受理平台。</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1（已逾期）</translation>
    </message>
    <message>
        <source>Nothing to deliver.</source>
        <translation>暂无待送达的办理结果。</translation>
    </message>
    <message>
        <source>Record the waybill</source>
        <translation>登记运单号</translation>
    </message>
    <message>
        <source>Record the hand-over</source>
        <translation>登记交付</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>交付人</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>签收人</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) to deliver, %1 overdue.</source>
        <translation>
            <numerusform>待送达 %n 件，其中逾期 %1 件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::SetupAssistant</name>
    <message>
        <source>Window setup</source>
        <translation>窗口设置</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Platform and administrator</source>
        <translation>平台与管理员</translation>
    </message>
    <message>
        <source>Only an administrator of the platform sets up a window. The sign-in also checks the platform&apos;s address and its certificate.</source>
        <translation>窗口只能由平台管理员设置。登录的同时检查平台地址及其证书。</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <source>CA certificate file (PEM), if the hall has one</source>
        <translation>CA 证书文件（PEM 格式），大厅有时填写</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Administrator account</source>
        <translation>管理员账号</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in and check</source>
        <translation>登录并检查</translation>
    </message>
    <message>
        <source>Write the platform&apos;s address as https://host[:port].</source>
        <translation>平台地址请写成 https://host[:port] 的形式。</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s account and password.</source>
        <translation>请输入管理员账号和密码。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>%1 is not an administrator&apos;s account: a window is set up by an administrator of the platform (role admin).</source>
        <translation>%1 不是管理员账号：窗口须由平台管理员（角色 admin）设置。</translation>
    </message>
    <message>
        <source>Platform on this machine: no TLS needed (demo, training).</source>
        <translation>平台在本机：无需 TLS（演示、培训）。</translation>
    </message>
    <message>
        <source>Checking the platform&apos;s certificate…</source>
        <translation>正在检查平台证书…</translation>
    </message>
    <message>
        <source>Certificate verified: %1, issued by %2, valid until %3 (%4 days).</source>
        <translation>证书验证通过：%1，由 %2 签发，有效期至 %3（还有 %4 天）。</translation>
    </message>
    <message>
        <source>Ask the platform&apos;s operators for the renewed certificate before it expires.</source>
        <translation>请在证书到期前向平台运维方索取续期后的证书。</translation>
    </message>
    <message>
        <source>no answer within %1 seconds</source>
        <translation>%1 秒内无应答</translation>
    </message>
    <message>
        <source>The platform&apos;s certificate has expired (%1). Ask the platform&apos;s operators to renew it: no window can connect until then.</source>
        <translation>平台证书已过期（%1）。请联系平台运维方为证书续期；续期之前任何窗口都无法连接平台。</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted here (%2). Enter the file of the hall&apos;s CA certificate (PEM, from the platform&apos;s operators) under CA certificate, and check that the address is the name in the platform&apos;s certificate.</source>
        <translation>本机不信任 %1 的证书（%2）。请在“CA 证书”一栏填写大厅的 CA 证书文件（PEM 格式，向平台运维方索取），并核对平台地址与平台证书中的名称一致。</translation>
    </message>
    <message>
        <source>No secure connection to %1 (%2). Check the platform&apos;s address and port and the network cable, then check again.</source>
        <translation>无法与 %1 建立安全连接（%2）。请检查平台地址、端口和网线，然后重新检查。</translation>
    </message>
    <message>
        <source>Administrator %1 signed in, but the platform&apos;s list of windows could not be read: %2</source>
        <translation>管理员 %1 已登录，但无法读取平台的窗口列表：%2</translation>
    </message>
    <message>
        <source>Administrator %1 signed in; the platform %2 lists %3 windows. Press Enter to go on.</source>
        <translation>管理员 %1 已登录；平台 %2 登记了 %3 个窗口。按回车键继续。</translation>
    </message>
    <message>
        <source>The platform %1 has no window %2. Check the id against the platform&apos;s list of windows, or ask its administrators to add the window first.</source>
        <translation>平台 %1 没有窗口 %2。请对照平台的窗口列表核对窗口编号，或请平台管理员先添加该窗口。</translation>
    </message>
    <message>
        <source>Window %1 (%2) is in use: a workstation is signed in there now. Each workstation needs its own window id: check the id, or sign out at the other workstation first.</source>
        <translation>窗口 %1（%2）正在使用：另一台工作站当前已在该窗口登录。每台工作站须使用自己的窗口编号：请核对编号，或先在另一台工作站上退出登录。</translation>
    </message>
    <message>
        <source>This window</source>
        <translation>本窗口</translation>
    </message>
    <message>
        <source>The window&apos;s id as the platform knows it, and its name as printed on notices.</source>
        <translation>窗口在平台登记的编号，以及告知书上印的窗口名称。</translation>
    </message>
    <message>
        <source>Window id</source>
        <translation>窗口编号</translation>
    </message>
    <message>
        <source>Window name</source>
        <translation>窗口名称</translation>
    </message>
    <message>
        <source>Write the settings</source>
        <translation>写入设置</translation>
    </message>
    <message>
        <source>Check what Finish writes, then press Finish.</source>
        <translation>请核对将要写入的设置，然后点击“完成”。</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>设置文件</translation>
    </message>
    <message>
        <source>Finish writes these settings to the settings file. Restart the workstation afterwards so that it uses them.</source>
        <translation>点击“完成”将以上设置写入设置文件，之后请重新启动工作站以使用这些设置。</translation>
    </message>
    <message>
        <source>the default printer</source>
        <translation>默认打印机</translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::DeviceCheckPage</name>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Lay a page under the document camera, speak into the microphone, listen to the test tone and print a test page.</source>
        <translation>在高拍仪下放一页纸，对着麦克风说话，听一听测试音，再打印一张测试页。</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <source>Play a test tone</source>
        <translation>播放测试音</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>扬声器</translation>
    </message>
    <message>
        <source>Empty: the default printer</source>
        <translation>留空则使用默认打印机</translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Document camera: %1, picture live.</source>
        <translation>高拍仪：%1，画面正常。</translation>
    </message>
    <message>
        <source>Document camera: none found. Connect it with its USB cable, then go back and forward to look again.</source>
        <translation>高拍仪：未找到。请用USB线连接后，点击“上一步”再点击“下一步”重新检查。</translation>
    </message>
    <message>
        <source>Document camera: %1, connecting…</source>
        <translation>高拍仪：%1，正在连接…</translation>
    </message>
    <message>
        <source>Simulated HD camera</source>
        <translation>模拟高清摄像头</translation>
    </message>
    <message>
        <source>HD camera: simulated (this window has no camera for video calls).</source>
        <translation>高清摄像头：模拟设备（本窗口没有用于视频通话的摄像头）。</translation>
    </message>
    <message>
        <source>No HD camera</source>
        <translation>无高清摄像头</translation>
    </message>
    <message>
        <source>HD camera: none found. Video assistance needs one: connect it, then go back and forward to look again.</source>
        <translation>高清摄像头：未找到。视频协助需要摄像头，连接后点击“上一步”再点击“下一步”重新检查。</translation>
    </message>
    <message>
        <source>HD camera: %1</source>
        <translation>高清摄像头：%1</translation>
    </message>
    <message>
        <source>HD camera: %1.</source>
        <translation>高清摄像头：%1。</translation>
    </message>
    <message>
        <source>Microphone: simulated.</source>
        <translation>麦克风：模拟设备。</translation>
    </message>
    <message>
        <source>Microphone: none found. Connect the headset, then go back and forward to look again.</source>
        <translation>麦克风：未找到。请连接耳麦后，点击“上一步”再点击“下一步”重新检查。</translation>
    </message>
    <message>
        <source>Microphone %1: cannot record 48 kHz mono.</source>
        <translation>麦克风 %1：无法以 48 kHz 单声道录音。</translation>
    </message>
    <message>
        <source>Microphone: %1. Speak: the bar follows your voice.</source>
        <translation>麦克风：%1。请说话，音量条会随声音变化。</translation>
    </message>
    <message>
        <source>Speaker: simulated, no tone is played on this window.</source>
        <translation>扬声器：模拟设备，本窗口不播放测试音。</translation>
    </message>
    <message>
        <source>Speaker: none found. Connect the headset or the speakers.</source>
        <translation>扬声器：未找到。请连接耳麦或音箱。</translation>
    </message>
    <message>
        <source>Speaker %1: cannot play 48 kHz mono.</source>
        <translation>扬声器 %1：无法以 48 kHz 单声道播放。</translation>
    </message>
    <message>
        <source>Speaker: %1, a one-second tone is playing. Did you hear it?</source>
        <translation>扬声器：%1，正在播放一秒钟的测试音。听到了吗？</translation>
    </message>
    <message>
        <source>Tongban test page</source>
        <translation>通办工作站测试页</translation>
    </message>
    <message>
        <source>Tongban Workstation: test page</source>
        <translation>通办工作站：测试页</translation>
    </message>
    <message>
        <source>Window %1 (%2)
Printer %3
Printed %4

If you can read this page, notices and receipts print on this printer.</source>
        <translation>窗口 %1（%2）
打印机 %3
打印时间 %4

能看清本页，说明告知书和回执可以在这台打印机上打印。</translation>
    </message>
    <message>
        <source>the default printer</source>
        <translation>默认打印机</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Test page sent to %1 (job %2). Check that it came out.</source>
        <translation>测试页已发送到 %1（任务 %2）。请确认已经打印出来。</translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::RatingDialog</name>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>Rate our service (好差评)</source>
        <translation>服务评价（好差评）</translation>
    </message>
    <message>
        <source>How satisfied are you with the service at this window?</source>
        <translation>您对本窗口的服务满意吗？</translation>
    </message>
    <message>
        <source>&amp;%1  %2</source>
        <translation>&amp;%1  %2</translation>
    </message>
    <message>
        <source>Comment (optional):</source>
        <translation>评价意见（选填）：</translation>
    </message>
    <message>
        <source>What went well, or what we should do better</source>
        <translation>哪些做得好，哪些需要改进</translation>
    </message>
    <message>
        <source>Send rating (Ctrl+Enter)</source>
        <translation>提交评价（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Skip (Esc)</source>
        <translation>跳过（Esc）</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>已输入 %1 字，最多 %2 字</translation>
    </message>
</context>
</TS>
