<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>QObject</name>
        <message>
            <source>Tongban Workstation</source>
            <translation>通办工作站</translation>
        </message>
    </context>
    <context>
        <name>Tongban::Cli</name>
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
    </context>
    <context>
        <name>Tongban::Gui::MainWindow</name>
        <message>
            <source>Tongban Workstation</source>
            <translation>通办工作站</translation>
        </message>
        <message>
            <source>Window: %1</source>
            <translation>窗口：%1</translation>
        </message>
        <message>
            <source>Clerk: not signed in (sign-in not built yet)</source>
            <translation>人员：未登录（登录功能尚未建成）</translation>
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
            <source>Start a case for an applicant: find the service item, read its unified guide, enter the applicant and answer the questions that decide which materials apply.</source>
            <translation>为申请人新建办件：查找通办事项，查看统一办事指南，录入申请人信息，回答决定所需材料的情形问题。</translation>
        </message>
        <message>
            <source>Search items by name, code, keyword or pinyin initials</source>
            <translation>按名称、事项编码、关键词或拼音首字母查找事项</translation>
        </message>
        <message>
            <source>Check identity numbers and credit codes as they are typed</source>
            <translation>输入时即校验身份证号码和统一社会信用代码</translation>
        </message>
        <message>
            <source>Save the case from the first keystroke</source>
            <translation>从第一次输入起即保存办件</translation>
        </message>
        <message>
            <source>Material checking</source>
            <translation>材料核验</translation>
        </message>
        <message>
            <source>Check each material against its review points, with the annotated sample beside the live document camera view.</source>
            <translation>对照审查要点逐项核验材料，示范样表与高拍仪实时画面并列显示。</translation>
        </message>
        <message>
            <source>Capture pages automatically when the paper is still</source>
            <translation>纸张放稳后自动拍摄</translation>
        </message>
        <message>
            <source>Mark each review point passed or failed with a standard reason</source>
            <translation>逐条标记审查要点通过或不通过，并选择标准理由</translation>
        </message>
        <message>
            <source>Record tolerated absences with the applicant's commitment</source>
            <translation>记录容缺受理材料及申请人承诺</translation>
        </message>
        <message>
            <source>Notices and receipts</source>
            <translation>告知书与回执</translation>
        </message>
        <message>
            <source>Print the one-time notice listing every deficiency, or the receipt when the materials are complete.</source>
            <translation>材料不齐全时打印列明全部问题的一次性告知书，材料齐全时打印收件回执。</translation>
        </message>
        <message>
            <source>Numbered per window, with a QR code</source>
            <translation>按窗口编号，附二维码</translation>
        </message>
        <message>
            <source>Reprints marked as such and recorded</source>
            <translation>补打时标明“补打”并留痕</translation>
        </message>
        <message>
            <source>Outbox</source>
            <translation>上传队列</translation>
        </message>
        <message>
            <source>Send complete cases to the unified acceptance platform, resuming by itself when the network fails.</source>
            <translation>将齐全的办件传输至统一受理平台，网络中断后自动续传。</translation>
        </message>
        <message>
            <source>Progress and failures of every upload</source>
            <translation>每项上传的进度与失败原因</translation>
        </message>
        <message>
            <source>Mailing tasks for paper originals, with their deadlines</source>
            <translation>纸质材料寄送任务及寄出期限</translation>
        </message>
        <message>
            <source>Video assistance</source>
            <translation>视频协助</translation>
        </message>
        <message>
            <source>Call the home window of the item about a material, show the captured page and let the home clerk point at it.</source>
            <translation>就某项材料向事项属地通办窗口发起视频协助，展示已拍摄的页面，由属地人员在页面上标注。</translation>
        </message>
        <message>
            <source>Missed calls reminded by SMS and counted</source>
            <translation>未及时响应的呼叫发送短信提醒并计数</translation>
        </message>
        <message>
            <source>Calls recorded and kept six months</source>
            <translation>通话录像保存六个月</translation>
        </message>
        <message>
            <source>Audit trail</source>
            <translation>留痕记录</translation>
        </message>
        <message>
            <source>Data: %1    Calendar: %2-%3    Platform: not connected (not built yet)</source>
            <translation>数据：%1    工作日历：%2–%3 年    平台：未连接（尚未建成）</translation>
        </message>
        <message>
            <source>Ctrl+%1</source>
            <translation>Ctrl+%1</translation>
        </message>
    </context>
    <context>
        <name>Tongban::Gui::NotBuiltPage</name>
        <message>
            <source>Not built yet: this screen cannot be used on this version of the workstation.</source>
            <translation>尚未建成：本版本工作站暂不能使用此功能。</translation>
        </message>
        <message>
            <source>What it will do:</source>
            <translation>建成后将提供：</translation>
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
            <source>Not built yet</source>
            <translation>尚未建成</translation>
        </message>
        <message>
            <source>This version is the foundation of the workstation. It keeps data safely and records every act, but it cannot receive an application yet. Not built yet:</source>
            <translation>本版本是工作站的基础部分：能安全保存数据、记录每一项操作，但还不能受理申请。以下功能尚未建成：</translation>
        </message>
        <message>
            <source>Clerk sign-in with a personal account and the idle lock</source>
            <translation>窗口人员个人账号登录及闲置锁屏</translation>
        </message>
        <message>
            <source>The service-item catalogue: guides, materials and review points</source>
            <translation>通办事项清单：办事指南、申请材料与审查要点</translation>
        </message>
        <message>
            <source>Capture from the document camera or scanner</source>
            <translation>高拍仪或扫描仪采集</translation>
        </message>
        <message>
            <source>Guided material checking, the one-time notice and the receipt</source>
            <translation>引导式材料核验、一次性告知书与收件回执</translation>
        </message>
        <message>
            <source>Transmission to the unified acceptance platform, mailing and results</source>
            <translation>传输至统一受理平台、纸质材料寄送与结果回传</translation>
        </message>
        <message>
            <source>Video remote assistance with the home window</source>
            <translation>与属地窗口的视频远程协助</translation>
        </message>
        <message>
            <source>Installer and IT diagnostics</source>
            <translation>安装程序与信息技术诊断</translation>
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
            <source>The calendar has no data for %1 yet: deadlines that run into %1 cannot be computed. The platform will supply it; until then ask IT to update the calendar.</source>
            <translation>工作日历尚无 %1 年数据，跨入 %1 年的期限无法计算。数据将由平台下发；在此之前请联系信息技术人员更新日历。</translation>
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
            <source>The workstation is not allowed to write its data folder. Everything saved before is intact. Call IT support to check the folder's permissions.</source>
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
</TS>
