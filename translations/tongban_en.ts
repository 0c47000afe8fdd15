<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message>
        <source>Tongban Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zh_CN (default) or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a PNG of the window (each screen when the name contains %1) and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print &quot;ready &lt;ms since start&gt;&quot; once the first screen is painted, then quit (start-up benchmark).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::App</name>
    <message>
        <source>No platform address is configured for this workstation. Ask IT support to set [platform] url in tongban.conf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account signed in at %1 at %2, so the sign-in at this window has ended. The open case is kept. To go on working here, sign in again (this ends the other sign-in). If it was not you, change your password and tell your supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the applicant&apos;s identity number or credit code from their document before opening the notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notice was issued under catalogue version %1, which this workstation does not hold. Update the catalogue from the platform, then open the notice again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notice names an item or materials that catalogue version %1 does not have. Report it to the platform&apos;s administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request for correction concerns a case that is not on this workstation. Ask IT support to check the window&apos;s data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request for correction has already been handled at this step. Refresh Today and go on from where the case is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request for correction from the platform could not be read. Tell IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The home department asks for correction of case %1: the applicant brings the listed materials by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No page was captured for the materials the home department asked for. Capture them, then send again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::App::WindowSettings</name>
    <message>
        <source>%1 in %2 is not a valid platform address: write it as https://host[:port].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 names the file %3, which cannot be read: put the platform&apos;s CA certificate (PEM) there or correct the path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 must be a whole number of kilobits per second (0 for no cap), not &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 must be a number of minutes from 1 to 240, not &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 must be true or false, not &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 must be zh_CN or en, not &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 must be the 6-digit administrative code of the jurisdiction, not &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not set: run tongban-cli setup --window ID --name NAME (it writes %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not set: set it in the hall&apos;s file %2 (or in %3 for this window only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window&apos;s settings could not be written to %1. Check that this account may write there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for %2 must be the window&apos;s id as the platform knows it (e.g. 410402-tb-03), not &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for %2 must give the window&apos;s name as printed on notices (e.g. 卫东区政务服务中心2号通办窗口).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Assist</name>
    <message>
        <source>The home windows of this item are outside their office hours now, so nobody was called. They are next open on %1 (Beijing time); call again then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The home windows of this item are outside their office hours now, so nobody was called. Call again within their office hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call&apos;s data connection is not open yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a page before marking it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This mark is outside the page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A part of a call recording was changed or lost on this workstation and cannot be sent. Tell IT staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the platform is down, so the call cannot go through. Wait until Today shows the platform connected, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call&apos;s media could not be negotiated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other window&apos;s call description was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone for the call stopped working. Check the headset, then call again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call&apos;s picture and sound stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This call&apos;s media has already started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video calls need GStreamer parts that are not installed on this workstation. Ask IT staff to run the installer again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera or microphone setting for calls is not a device name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call&apos;s picture and sound could not be set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera or microphone for the call could not be opened. Check that they are plugged in and not used by another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other window sent a call description that cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No picture or sound could reach the other window. The network between the halls may block calls: tell IT staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shared page arrived damaged. Ask the other window to share it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The marked-up page could not be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera for the call stopped: %1. The other window no longer sees you; check the camera&apos;s cable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the camera was unplugged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has come from the other window for %1 seconds: its computer or network may have stopped. The call has ended; call again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Catalog</name>
    <message>
        <source>nested deeper than %1 levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has %1 entries, more than the limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has a key longer than 100 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate option &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a yes/no fact has no options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate id &quot;%1&quot; (first at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a path inside the catalogue folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate code &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains the catch-all wording &quot;%1&quot;: a guide must name each material exactly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>originals and copies cannot both be 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ignored: the material is not tolerable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names no sample: &quot;%1&quot; is not in /samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names no review point of this material: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a region needs a positive width and height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the region lies outside the sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the region reaches outside the sample and was trimmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no review point is drawn on the sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the promised time limit (%1 working days) exceeds the legal one (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document is %1 MiB, more than the limit of %2 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document is not valid UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON at byte %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;tongban-catalog&quot;: this is not a catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format version %1 is newer than this workstation understands (%2): update the workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an ISO 8601 date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate item code &quot;%1&quot; (first at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The catalogue was refused: it has %n error(s). The catalogue in force stays in force.</source>
        <translation>
            <numerusform>The catalogue was refused: it has %n error. The catalogue in force stays in force.</numerusform>
            <numerusform>The catalogue was refused: it has %n errors. The catalogue in force stays in force.</numerusform>
        </translation>
    </message>
    <message>
        <source>The catalogue could not be stored; the catalogue in force stays in force. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No catalogue has been received yet. Connect to the platform, or ask IT to import one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That catalogue version is not stored here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored catalogue no longer validates. Import it again from the platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The condition &quot;%1&quot; is not valid: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required, but missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be text, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not of the form %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty: fill in this entry or remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs at least %1 entries, has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be non-empty text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key, ignored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Cli</name>
    <message>
        <source>--window must be the window&apos;s id as the platform knows it (e.g. 410402-tb-03), not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--name must give the window&apos;s name as printed on notices (e.g. 卫东区政务服务中心2号通办窗口).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window %1 (%2) written to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall settings: none found (expected in %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall settings: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings (hall and window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the value in that file, then run diagnose again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hall settings found: copy the hall&apos;s tongban.conf to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not opened: a setting is wrong (see Settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no workstation database at %1, so there is nothing to check. Give the data folder of the workstation with --data-dir (nothing was created).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a date: %1 (expected YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: public holiday (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: rest day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tongban-cli calendar add YYYY-MM-DD N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail intact: %1 records checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail TAMPERED: %1 problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DAMAGED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages: %1 checked, %2 damaged or missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tongban-cli id check NUMBER-OR-CODE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid resident identity number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid unified social credit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid.
As an identity number: %1
As a credit code: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 -&gt; %2: %3 added, %4 removed, %5 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tongban-cli catalog validate FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid: %1 errors, %2 warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid: catalogue %1, %2 items, %3 materials, %4 review points, %5 warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tongban-cli catalog import FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue %1 is in force (%2 items).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tongban-cli catalog search QUERY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No item found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tongban-cli catalog diff OLD NEW (files or stored version labels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox: %1 waiting, %2 uploading, %3 submitting, %4 acknowledged, %5 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tongban-cli outbox flush PLATFORM-URL ACCOUNT WINDOW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a picture this program can read (JPEG, PNG, TIFF or BMP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  page %1: %2 %3, confidence %4, corners %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    quality: good (blur %1 mm, %2 dpi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tongban-cli imaging detect FILE... [--dpi N] [--json]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No page was found. Lay the page on the pad, inside the camera&apos;s view, then capture again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  timings: decode %1 ms, detect %2 ms, gate %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tongban-cli imaging process FILE... [--out DIR] [--pdf FILE] [--dpi N] [--mode colour|grey|bw|auto] [--json]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  written: %1 (%2, %3 KB, %4, %5x%6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  timings: decode %1 ms, detect %2 ms, refine %3 ms, warp %4 ms, gate %5 ms, enhance %6 ms, encode %7 ms, total %8 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>PDF: %1 (%n page(s))</source>
        <translation>
            <numerusform>PDF: %1 (%n page)</numerusform>
            <numerusform>PDF: %1 (%n pages)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: skipped (TONGBAN_FAKE_DEVICES=1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not available (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload cap: %1 kbit/s (tongban.conf, [platform] uploadLimitKbps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload cap: none (tongban.conf, [platform] uploadLimitKbps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKIPPED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT BUILT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB free for the data folder %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder %1 cannot be examined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the folder exists and this account may write to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free disk space or move the data folder (TONGBAN_DATA_DIR) to a larger disk: captures stop when the disk is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Less than 5 GB left: a busy window fills that in weeks. Free space before it runs out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity check passed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not capture on this window. Copy the data folder %1 as it is and call the project&apos;s support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run `tongban-cli audit verify` and call the project&apos;s support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s), chain intact</source>
        <translation>
            <numerusform>%n record, chain intact</numerusform>
            <numerusform>%n records, chain intact</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tampering detected in %n record(s)</source>
        <translation>
            <numerusform>Tampering detected in %n record</numerusform>
            <numerusform>Tampering detected in %n records</numerusform>
        </translation>
    </message>
    <message>
        <source>Report it to the supervisor: the audit trail was changed outside the application. `tongban-cli audit verify` lists the records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unified acceptance platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No platform address is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set [platform] url in %1 (from the preconfigured file of the installation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs the platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check [platform] ca in %1: it must name a PEM file this account can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the platform&apos;s https:// address in [platform] url of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from %1 within 15 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform&apos;s certificate is not trusted here. Install the platform&apos;s CA certificate and name it in [platform] ca of %1; check the address too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network cable and the hall&apos;s line; ask the network staff whether %1 is reachable from this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers, but not as the platform (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check [platform] url in %1: it must be the platform&apos;s address, without /api/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted; valid until %1 (%2 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the platform&apos;s operators for the renewed certificate before it expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the platform&apos;s CA certificate and name it in [platform] ca of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain HTTP: allowed only for a platform on this machine (demo, training).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A hall&apos;s platform must be reached over https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform sent no time to compare with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make sure this computer synchronises its clock (NTP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s from the platform&apos;s clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the time and turn on time synchronisation (NTP): sign-in, certificates and case times depend on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on time synchronisation (NTP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain (clerks&apos; sessions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerks cannot stay signed in. Start the desktop&apos;s keyring for this user (gnome-keyring, Secret Service; on Windows, Credential Manager), then run diagnose again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secret written to the keychain did not come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A test secret was stored, read back and removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer (notices and receipts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the window&apos;s printer in CUPS (http://localhost:631) and make it the default, or name it in [printer] name of %1/tongban.conf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer is configured and there is no default printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer %1 is not known to the print system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer %1 is stopped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check paper and toner, then resume the printer (cupsenable %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document camera (高拍仪)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the simulated camera ([devices] fake=true)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For real work plug in the document camera (USB) and remove [devices] fake from tongban.conf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document camera found (only the simulator).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plug in the document camera (USB), then check `tongban-cli devices list`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scanner found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect and switch on the scanner; SANE must see it (scanimage -L). Without one, thick documents go on the document camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headset (video assistance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone (video assistance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated (TONGBAN_FAKE_DEVICES=1): unset it to see the real devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sound output found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plug in the headset and check the sound settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No microphone found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plug in the headset&apos;s microphone and allow its use in the sound settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line to the platform (100 Mbit/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer within 30 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform sent %1 of %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of %1 for the line check: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not measured: give --account ACCOUNT (a platform account, e.g. IT staff&apos;s; its password in TONGBAN_PASSWORD or typed in).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give an account of the platform that may sign in at this window (--account) and its password (TONGBAN_PASSWORD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The platform takes a few line checks a minute: wait %n second(s) and run diagnose again.</source>
        <translation>
            <numerusform>The platform takes a few line checks a minute: wait %n second and run diagnose again.</numerusform>
            <numerusform>The platform takes a few line checks a minute: wait %n seconds and run diagnose again.</numerusform>
        </translation>
    </message>
    <message>
        <source>This platform has no line check yet (/api/v1/diag): measure the line with the carrier&apos;s tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line broke off during the test: check the network cable and the hall&apos;s line, then run diagnose again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download %1 Mbit/s, upload %2 Mbit/s, round trip %3 ms (required: %4 Mbit/s each way)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line is fast but slow to answer (over 100 ms): ask the network staff whether the window reaches the platform through a detour (VPN, proxy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line does not reach the 100 Mbit/s the window needs (000 第十六条): ask the hall&apos;s network staff or the carrier to check the dedicated line and that nothing else shares it; until then large cases take longer to transmit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform account for the line check (diagnose); password in TONGBAN_PASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that %1 exists and this account may write to it; a damaged database must go to the project&apos;s support as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nothing failed (%n warning(s)).</source>
        <translation>
            <numerusform>Nothing failed (%n warning).</numerusform>
            <numerusform>Nothing failed (%n warnings).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed: do what the arrows say, then run diagnose again.</source>
        <translation>
            <numerusform>%n check failed: do what the arrows say, then run diagnose again.</numerusform>
            <numerusform>%n checks failed: do what the arrows say, then run diagnose again.</numerusform>
        </translation>
    </message>
    <message>
        <source>[%1] %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working-day calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covers %1 to %2 (today in China Standard Time: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (platform)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working-day calendar in force: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tongban Workstation console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine-readable output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zh_CN (default) or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most search results to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the pages (imaging process).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also write the pages as one PDF (imaging process).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page resolution (imaging).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>colour, grey, bw or auto (imaging process).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tongban-cli --help lists the commands and options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1  acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1  %2  %3/%4 pages  attempt %5  next try %6  %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing answers at %1 on this computer: start the platform service (tongban-hub) or correct [platform] url in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not used at this window (tongban.conf [devices] absent).</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month of a report, YYYY-MM (calls report).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform did not answer. Check the network and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video assistance, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home windows: misses, answered, answer time (median / 95th percentile / longest), escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>misses %1, answered %2, %3 / %4 / %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escalated, awaiting the admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escalated, confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escalated, excused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls made, by application window and clerk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tongban-cli calls report PLATFORM-URL ACCOUNT [--month YYYY-MM] (the password is read from the standard input)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month is written YYYY-MM, for example 2026-11.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s): %1 answered, %2 missed, %3 cancelled</source>
        <translation>
            <numerusform>%n call: %1 answered, %2 missed, %3 cancelled</numerusform>
            <numerusform>%n calls: %1 answered, %2 missed, %3 cancelled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tongban::Core</name>
    <message>
        <source>A unified social credit code has 18 characters; this one has %1. Check the code on the business licence and type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character %1 (%2) cannot appear in a unified social credit code: the letters I, O, S, V and Z are never used. Check the code on the business licence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unified social credit code does not pass its check: one character is probably mistyped. Compare it with the licence character by character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An identity number has 18 characters; this one has %1. Check the number on the card and type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character %1 of the identity number must be a digit. Check the number on the card and type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last character of the identity number must be a digit or X.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters 7 to 14 of the identity number are not a real birth date. Check the number on the card and type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity number does not pass its check: one character is probably mistyped. Compare it with the card digit by digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working-day calendar has no data for %1, so no deadline can be computed for that year. Update the catalogue from the platform, or ask IT to install a newer calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working-day calendar data is damaged and was not used. The previous calendar stays in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deadline can be computed from this date. Check the computer&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working-day calendar in force has no data for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailing deadlines in %1 are computed on weekends only and marked provisional until the year arrives. Ask the platform administrator to import the %1 calendar (tongban-hub calendar import); this window takes it at the next sign-in and recomputes the provisional deadlines.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Drivers</name>
    <message>
        <source>The capture device is not connected. Check its cable, then choose it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::AfterWindowCard</name>
    <message>
        <source>No case waiting on the home department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No request for correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting on the home department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice from another hall: serial, QR code or identity number, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the platform: the home departments&apos; deadlines are shown once it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deadlines could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant&apos;s correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case of this window is waiting on its home department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the platform: a notice from another hall cannot be found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the notice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notice could not be looked up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open one-time notice found for this. Check the serial or the number with the applicant&apos;s notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity number or credit code of the applicant, as on their document:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice %1 of %2 opened: only its listed materials can change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) overdue at the home department: the platform has alerted it.</source>
        <translation>
            <numerusform>%n case overdue at the home department: the platform has alerted it.</numerusform>
            <numerusform>%n cases overdue at the home department: the platform has alerted it.</numerusform>
        </translation>
    </message>
    <message>
        <source>The home department asks for correction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the one-time notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen for correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No request for correction is waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time notice %1 printed. Hand it to the applicant or send it by the way the department named.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::AuditPage</name>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every act on this workstation is recorded here, attributed to a clerk and chained so that a changed or removed record is detected. Records are kept at least 180 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check the chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Chain intact: %n record(s) checked.</source>
        <translation>
            <numerusform>Chain intact: %n record checked.</numerusform>
            <numerusform>Chain intact: %n records checked.</numerusform>
        </translation>
    </message>
    <message>
        <source>record %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tampering detected. Do not use this workstation for cases and call your supervisor.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlines recomputed with a new calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working-day calendar updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call answered by the other window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call cancelled by the caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call ended by the other window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call hung up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call picture and sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call connection offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call taken by another window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case awaiting correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers to the questions changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant details recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Official case number received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant or agent changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case reopened for correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case reopened after a restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked by a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue updated from the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide error reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailing deadline set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Originals received by the home department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Originals mailed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailing task created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material not brought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tolerated absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice reprinted (补打)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint copy made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case sent again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages reordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page turned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result received from the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result printed for the applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review point marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice numbers received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in, ending the session at another window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in at another window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No record yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::CallPage</name>
    <message>
        <source>Video assistance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call the home window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls ringing at this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other window&apos;s picture appears here during a call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ringing at %n home window(s)…</source>
        <translation>
            <numerusform>Ringing at %n home window…</numerusform>
            <numerusform>Ringing at %n home windows…</numerusform>
        </translation>
    </message>
    <message>
        <source>No platform is configured: calls are not possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls from application windows about items of your jurisdiction ring here. Answer one to see and hear the clerk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item: %1 (home jurisdiction %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item: %1 (home jurisdiction %2)
Material: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a case first: a call is about a material of the case&apos;s item, and rings that item&apos;s home windows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · material: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling the home windows of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another home window answered this call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You declined the call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You hung up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other window hung up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the platform was lost, so the call ended. Call again once Today shows the platform connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a call with %1. Connecting picture and sound…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a call with %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No home window of this item is online now, so nobody could be called. The platform texts the home windows that they should be online, and records it for each of them. Try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a page of the case and press “Show this page”: the home window sees it at full resolution and can mark it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page the application window shows appears here at full resolution. Mark it with the pen, arrow, box or note; the other window sees your marks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this page again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1: %2, page %3 of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case has no captured page yet: capture one on the checklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page cannot be read. Capture it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the page to the platform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the page at full resolution…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shared page cannot be shown: it is not a picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No home window answered within %n second(s). The platform has sent the home windows an SMS reminder and counted the missed call. You can call again.</source>
        <translation>
            <numerusform>No home window answered within %n second. The platform has sent the home windows an SMS reminder and counted the missed call. You can call again.</numerusform>
            <numerusform>No home window answered within %n seconds. The platform has sent the home windows an SMS reminder and counted the missed call. You can call again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every call is recorded by the window that makes it and kept six months on the platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check devices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round trip %1 ms · loss %2 % · sending %3 kbit/s · receiving %4 kbit/s · %5 frames/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring: the call&apos;s figures come after its first second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network is very poor: your picture is paused and only the sound goes through. It comes back by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network is poor: your picture is sent at a lower quality.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::CapturePane</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture by itself when the page is still</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lay the page again under the camera: the next capture replaces page %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete page %1 of this material? It cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect the document camera or the scanner, then choose Refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No capture device: connect the document camera or the scanner, then choose Refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of this material captured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page could not be read to turn it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This material was accepted at the first visit: nothing is captured for it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture a page now: F2 anywhere on this screen, or Space in the camera picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page is already captured for this material: lay the next page, or press F2 to capture it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No page of this material yet: lay it under the camera.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::CaseController</name>
    <message>
        <source>The service item %1 is not in the catalogue in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish checking every material before issuing a notice or a receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No platform is configured: the case cannot be transmitted. Ask IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No paper original of this case has to be mailed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(numbered when issued)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a case whose receipt was issued can be rated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::ChecklistPage</name>
    <message>
        <source>originals: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copies: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>electronic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paper and electronic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original verified against the copy (核验原件)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant did not bring this material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept now, submit later (容缺受理)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report a guide error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video assistance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case is open. Start one under New case, or open a case awaiting correction from Today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applicant not entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> · %n page(s)</source>
        <translation>
            <numerusform> · %n page</numerusform>
            <numerusform> · %n pages</numerusform>
        </translation>
    </message>
    <message>
        <source> · to correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basis: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The paper original goes to the home department by mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed on the one-time notice: check it again now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample with the review points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next material</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>To the decision · %n left</source>
        <translation>
            <numerusform>To the decision · %n left</numerusform>
            <numerusform>To the decision · %n left</numerusform>
        </translation>
    </message>
    <message>
        <source>Supervisor: unlock this material…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock a material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why must this material, accepted at the first visit, change? The reason is kept in the trail under your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked by a supervisor: changes are recorded in the trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted at the first visit: read-only (a supervisor can unlock it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the guide&apos;s reason…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remark explaining the reason (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant signs: %1
Bring it by %2%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (provisional: next year&apos;s calendar is not in yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the applicant commits to bring it later, they sign: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a supervisor&apos;s account can unlock what the first visit accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous material (Ctrl+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next material (Ctrl+Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the decision (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 goes to this review point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met (Y, or Space on this button)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not met (N): then choose the reason with the arrow keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this page in the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The home window of the call under way sees this page at full resolution and can mark it.</source>
    </message>
    <message>
        <source>No material yet: the case&apos;s materials are listed here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::DecisionPage</name>
    <message>
        <source>Decision and notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the applicant must do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint (补打)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · applicant %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2, issued %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, reprinted %n time(s)</source>
        <translation>
            <numerusform>, reprinted once</numerusform>
            <numerusform>, reprinted %n times</numerusform>
        </translation>
    </message>
    <message>
        <source>Complete. The receipt was issued and the case is in the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete. Official case number %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting correction: the one-time notice lists everything the applicant must bring. Open the case from Today when they return.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time notice issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not decided yet:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish checking first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every material is in order: issue the receipt and transmit the case to the platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue receipt and transmit (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n deficiency(ies): issue the one-time notice listing all of them.</source>
        <translation>
            <numerusform>%n deficiency: issue the one-time notice listing it.</numerusform>
            <numerusform>%n deficiencies: issue the one-time notice listing all of them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Issue one-time notice (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt was issued, but the case could not be put in the outbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time notice %1 printed. Hand it to the applicant to sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 printed; the case is being transmitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 and mailing slip %2 printed; the case is being transmitted. Mail the paper originals by the next working day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprinted %1, marked 补打.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment: %1 (by %2%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, provisional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted with tolerated absence (容缺受理). The receipt names what is owed and by when; the case is in the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted with tolerated absence (容缺受理). Official case number %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, by %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (provisional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted with tolerated absence (容缺受理): the applicant signed the commitment to bring %1. Issue the receipt, which names it and its deadline, and transmit the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 printed. The platform cannot be reached now: the case waits in Outbox and mailing and is sent by itself when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 and mailing slip %2 printed. The platform cannot be reached now: the case waits in Outbox and mailing and is sent by itself when it is back. Mail the paper originals by the next working day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case in hand: start one on New case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant&apos;s rating (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rated by the applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · case %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you. The rating (%1) is kept and sent to the platform.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::GuideReportDialog</name>
    <message>
        <source>Report a guide error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · material: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guide is wrong or unclear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A material outside the list was demanded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A review point does not match the material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is wrong, and what the guide should say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::GuidesPage</name>
    <message>
        <source>Unified guides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, code, keyword or pinyin initials (e.g. gtgsh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review points</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Catalogue %1, %n item(s), published by %2</source>
        <translation>
            <numerusform>Catalogue %1, %n item, published by %2</numerusform>
            <numerusform>Catalogue %1, %n items, published by %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No item matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 original(s), %2 copy(ies)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>electronic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paper and electronic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tolerated absence allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paper original mailed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only when: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>citywide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provincewide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>across provinces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home jurisdiction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implementing body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>legal %1 working days, promised %2 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free of charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location and hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. [%2] %3
%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No guide: the catalogue has not been loaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an item to see its materials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a material to see its review points.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::MainWindow</name>
    <message>
        <source>Tongban Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video assistance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo window (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unified guides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the window now (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision and notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox and mailing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data: %1    Calendar: %2-%3    Platform: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 can unlock this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No platform is configured for this workstation. Ask IT support to set [platform] url in tongban.conf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 reopened where you left it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No platform is configured: the report cannot be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide error report sent to the platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video assistance (%1 ringing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call is ringing: open Video assistance to answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Outbox and mailing (Ctrl+6) to see why and send again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to a screen (in the order of the list on the left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case: on to material checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 … 9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material checking: go to that review point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑ ↓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material checking: previous or next review point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Y / N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the review point met / not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press the button with the focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture a page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+↓ / Ctrl+↑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next / previous material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue and print the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next / previous field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide this help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 (%2) is not finished. It is kept and opened again when you next sign in. Sign out now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applicant not entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings are written to %1. Restart the workstation so that it uses them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the receipt: the applicant rates the service (好差评)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::NewCasePage</name>
    <message>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item name, code or pinyin initials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unified guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a case for this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Natural person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal person or organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions that decide the materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the materials (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (in some cases)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Promised time limit: %n working day(s)</source>
        <translation>
            <numerusform>Promised time limit: %n working day</numerusform>
            <numerusform>Promised time limit: %n working days</numerusform>
        </translation>
    </message>
    <message>
        <source>Fee: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 · saved as you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Valid credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 18 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Valid identity number</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n material(s) apply to these answers: </source>
        <translation>
            <numerusform>%n material applies to these answers: </numerusform>
            <numerusform>%n materials apply to these answers: </numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered at the first visit: read-only on a correction visit, so that no new material can be demanded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor: unlock the answers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a supervisor&apos;s account can unlock the answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why must the answers accepted at the first visit change? The reason is kept in the trail under your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 (%2) is not finished. It stays on Today if you start a new case, and you can open it again from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applicant not entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel it, then start a new case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant left before any page was captured: the case is kept in the trail as cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel case %1? Nothing was captured for it; it is kept in the trail as cancelled and cannot be opened again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No item found: try its name, code or pinyin initials.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::OutboxPage</name>
    <message>
        <source>Waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox and mailing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Official number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper originals to mail (within 1 working day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases are sent by themselves in the background and resume after a network failure or a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in to the platform: cases wait here and are sent after sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(next try %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SF Express</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Government courier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waybill number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record as sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is not on the platform yet (see the outbox above): record the waybill once it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (provisional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case is waiting for the platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No paper originals to mail.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::PlatformStatus</name>
    <message>
        <source>Platform not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in to the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the platform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform unreachable since %1, reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> · %n case(s) waiting</source>
        <translation>
            <numerusform> · %n case waiting</numerusform>
            <numerusform> · %n cases waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n case(s) not sent</source>
        <translation>
            <numerusform> · %n case not sent</numerusform>
            <numerusform> · %n cases not sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::SignInPage</name>
    <message>
        <source>Your own clerk account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts are personal and never shared; every act is recorded under your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked after a period without use. Only %1 can unlock it; another clerk must sign out first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in at another window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked by %1. Only %1 can unlock it; another clerk must sign out first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window setup (administrator)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform, window identity and devices: for hall IT staff, with an administrator&apos;s account.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::TodayPage</name>
    <message>
        <source>Working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper originals received today must be mailed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar data covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: no calendar data for this year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public holiday (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Healthy (integrity check passed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged: call IT support before capturing anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s), chain intact</source>
        <translation>
            <numerusform>%n record, chain intact</numerusform>
            <numerusform>%n records, chain intact</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tampering detected in %n record(s): call your supervisor</source>
        <translation>
            <numerusform>Tampering detected in %n record: call your supervisor</numerusform>
            <numerusform>Tampering detected in %n records: call your supervisor</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalogue in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n item(s), published %2</source>
        <translation>
            <numerusform>%1, %n item, published %2</numerusform>
            <numerusform>%1, %n items, published %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Awaiting correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received, transmitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases of today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting correction (待补正)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity number or credit code, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transmission and mailing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper originals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform and guides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet in this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case awaiting correction for this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) being transmitted</source>
        <translation>
            <numerusform>%n case being transmitted</numerusform>
            <numerusform>%n cases being transmitted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n acknowledged</source>
        <translation>
            <numerusform>%n acknowledged</numerusform>
            <numerusform>%n acknowledged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed: see Outbox</source>
        <translation>
            <numerusform>%n failed: see Outbox</numerusform>
            <numerusform>%n failed: see Outbox</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n material(s)</source>
        <translation>
            <numerusform>%n material</numerusform>
            <numerusform>%n materials</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No guide you have used changed since you last used it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed since you last used them: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results to print for the applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted (受理)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected (不予受理)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a result (or Enter) to print it for the applicant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (provisional: weekends only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (provisional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed on weekends only: the calendar has no data for %1 yet. It is recomputed when the platform supplies that year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received, on the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case yet today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case awaiting correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No paper originals to mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No result to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result is printed, but its handover slip is not: %1 Then print the slip again with the button below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed with its handover slip. Hand both to the applicant; the applicant signs the slip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the handover slip again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover slip printed. The applicant signs it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Imaging</name>
    <message>
        <source>The capture was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No page was found in the picture. Lay the page on the pad, inside the camera&apos;s view, then capture again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture is blurred. Hold the page flat and still, then capture again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light reflects off the page and hides part of it. Flatten the page or move it out of the reflection, then capture again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of the page is outside the camera&apos;s view. Move the page to the middle of the pad, then capture again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page is too small in the picture to be read clearly. Use the scanner, or capture it closer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page looks blank. Check that the printed side faces up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document camera is connected. Connect it, then choose it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document camera was disconnected. Reconnect it; the pages already captured are kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Intake</name>
    <message>
        <source>The mailing address is incomplete. Enter the recipient, a mobile number of 11 digits, the 6-digit postal code and the full address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n original(s)</source>
        <translation>
            <numerusform>%n original</numerusform>
            <numerusform>%n originals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies)</source>
        <translation>
            <numerusform>%n copy</numerusform>
            <numerusform>%n copies</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>electronic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paper and electronic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please submit %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please submit %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guide does not allow tolerated absence for this material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture the pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not meet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please correct it as the guide requires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n review point(s) not marked</source>
        <translation>
            <numerusform>%n review point not marked</numerusform>
            <numerusform>%n review points not marked</numerusform>
        </translation>
    </message>
    <message>
        <source>Verify the original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tolerated absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deficient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the applicant&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the applicant&apos;s identity number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the unified social credit code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the legal representative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the agent&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case could not be saved. Nothing already saved is lost; try again, and call IT support if it keeps failing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case was not found on this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved case cannot be read. Call IT support; its pages are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page to retake is no longer in the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The material is not in the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a case awaiting correction can be corrected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The waybill number should be 8 to 30 letters or digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mailing task was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a complete case can be transmitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the applicant&apos;s commitment (the guide&apos;s standard text) for the tolerated absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the guide&apos;s reason for failed review point(s) %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one-time notice did not ask for this material, so it cannot be demanded now: accept it, or ask a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This material was not listed on the one-time notice: a supervisor can unlock it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This was accepted at the applicant&apos;s first visit and cannot be changed now: only what the one-time notice listed can change. A supervisor can unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case is no longer open for checking, so it cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a case being checked can get a one-time notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one-time notice already issued did not ask for this material, so a new notice cannot demand it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a supervisor can unlock what the applicant&apos;s first visit accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a correction visit has accepted materials to unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for unlocking: it is kept in the trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a case being checked can be completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a case being checked can be transmitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The waybill of this mailing was already recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a case with no page captured, at its first visit, can be cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a transmitted case can be reopened for the home department&apos;s request for correction.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Notices</name>
    <message>
        <source>The document was printed, but the workstation could not record it. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reprint could not be saved, so it was not printed or counted. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The print service (CUPS) of this workstation does not answer, so nothing was printed. The document is kept: ask IT support to start the print service, then print it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer is set up for this window (none is named in tongban.conf and the workstation has no default printer), so nothing was printed. The document is kept: ask IT support to set up the printer, then print it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; is not set up on this workstation, so nothing was printed. The document is kept: ask IT support to add the printer or to correct [printer] name in tongban.conf, then print it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; is stopped, so nothing was printed. The document is kept: check the printer (power, paper, toner, a paper jam) and ask IT support to resume it, then print it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; does not accept print jobs at the moment, so nothing was printed. The document is kept: ask IT support to let it accept jobs again, then print it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document could not be sent to the printer &quot;%1&quot;, so nothing was printed. The document is kept: print it again; if it fails again, call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; stopped the print job, so the document was not printed. The document is kept: check the printer (power, paper, toner, a paper jam), then print it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This reprint is not stored here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored reprint is damaged: it no longer matches what was rendered. Make a new reprint; if it happens again, call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notice could not be produced: its kind is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notice could not be produced as a PDF. Try again; call IT support if it fails again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notice could not be saved, so it was not issued. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This notice is not stored here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored notice is damaged: it no longer matches what was issued. Call IT support; do not reprint it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The numbers received from the platform are not valid; nothing was kept. Call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform sent numbers this window already holds; nothing was kept. Call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window has no notice number left, so nothing was issued or printed. Connect the workstation to the platform (check the network, then sign in again): the platform gives the window new numbers within a few seconds. Then issue again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handover slip could not be produced as a PDF. Try again; call IT support if it fails again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Platform</name>
    <message>
        <source>The platform&apos;s answer about deliveries could not be read. Try again later; tell IT staff if it stays so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform&apos;s CA certificate file cannot be read. Check the setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform&apos;s CA certificate file contains no certificate. Check the setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform address is not valid. Check the setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform must be reached over HTTPS. Check the platform address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform sent an answer far larger than expected; it was refused. If it keeps happening, call the hall&apos;s IT staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform sent an answer this workstation cannot read. Try again later; if it keeps happening, call the hall&apos;s IT staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the account and the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is signed in at this window. Sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in has expired. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform reports more bytes than the file has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page could not be uploaded to the platform. The workstation will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue sent by the platform is invalid and was not used; the catalogue in force stays in force. The platform has been told. If it keeps happening, call the hall&apos;s IT staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working-day calendar sent by the platform is invalid and was not used; the calendar in force stays in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calendar has been received from the platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results cannot be received: nobody is signed in to the platform. Sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notice document sent by the platform is damaged (its SHA-256 fingerprint does not match the result); it was not stored. The workstation asks for it again by itself; if it keeps happening, call the hall&apos;s IT staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This result is not kept on this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the platform is not up at the moment; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a case whose transmission failed can be sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account signed in at another window, which ended the sign-in here. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notice cannot be sent to the platform: it lacks its serial, item, catalogue version, the applicant&apos;s number or its deficiencies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform&apos;s answer could not be read. Try again; if it persists, tell IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case has not reached the platform yet: the rating is sent after it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Security</name>
    <message>
        <source>The action could not be recorded in the audit trail, so it must not be treated as done. Try again; if it happens again, call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail could not be read. Try again; if it happens again, call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail is damaged: its anchor record is missing. Call IT security support before working on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The action could not be recorded in the audit trail because the program did not say what was done. Call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail shows signs of tampering, so no old records were removed: they are evidence. Call IT security support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Storage</name>
    <message>
        <source>The workstation database could not be opened. Check that the disk is present and not full, then restart; if it happens again, call IT support with this message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation database was written by a newer version of Tongban Workstation. It has not been changed. Install the newer version again (never a downgrade) or call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database schema of this build is inconsistent. Call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full, so nothing more can be saved. Everything saved before is intact. Free disk space (or call IT support), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workstation database refused an operation. Nothing was lost; try again, and call IT support if it happens again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workstation is not allowed to write its data folder. Everything saved before is intact. Call IT support to check the folder&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving to disk failed. Everything saved before is intact. Try again; if it fails again, call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page has no case to belong to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page reference is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page file is missing from the data folder. Capture the page again; call IT support if other pages are missing too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page file could not be read. Try again; call IT support if it keeps failing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page file is damaged (its content no longer matches what was captured). Capture the page again and call IT support to check the disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Widgets</name>
    <message>
        <source>Document camera picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Space to capture the page now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page&apos;s outline is uncertain: drag a corner onto the page&apos;s corner (or press 1-4 and the arrow keys), then press Space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document camera detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect the document camera with its USB cable and check that it is switched on. The picture appears here by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No picture from the document camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for a page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold still</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual capture: press Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document camera&apos;s picture, to check it: nothing is captured here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture check only: nothing is captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capturing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retake page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete page %1 of this material? The picture is removed from the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open large view	Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate right	Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move left	Ctrl+Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move right	Ctrl+Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert a page before this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retake this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete page	Del</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page has no picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note text, then click the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole page (0)</source>
    </message>
    <message>
        <source>The document camera sent no picture. Check its USB cable and that it is switched on, then choose Refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the document camera…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture appears here in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Widgets::SampleView</name>
    <message>
        <source>No sample for this material.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample image could not be shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tr</name>
    <message>
        <source>The picture from the device could not be read. Capture the page again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page could not be saved as an image. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no pages to put in the PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF file could not be written. Check the folder and free space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform cannot be reached. Check the network cable and the hall&apos;s network; the workstation keeps the work and tries again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform&apos;s identity could not be verified (its security certificate is not trusted), so nothing was sent. Call the hall&apos;s IT staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform sent an answer this workstation cannot read. Try again later; if it keeps happening, call the hall&apos;s IT staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account or the password is wrong. Check both and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quarter of an hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is locked after too many failed sign-ins. Try again after %1, or ask the administrator to unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is not assigned to this window. Check the window setting or ask the administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled. Ask the administrator to enable it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in has expired. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform refused the case as incomplete or wrong. Check it and transmit it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform is not available at the moment. The workstation keeps the work and tries again by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform does not know the requested record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform reports a conflict with an earlier request. The workstation will re-check and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform refused the request for this sign-in. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform refused the request. If it keeps happening, call the hall&apos;s IT staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain could not keep the sign-in. Sign in again; if it keeps happening, call the hall&apos;s IT staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page at rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page moves, then settles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty pad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blur (0.1 mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut-off corner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand in frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>White on white</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated document camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document camera was disconnected. Reconnect it; pages already captured are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document camera is not ready. Choose it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device has no such setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This value is not allowed for the setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A capture is already in progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case cannot be transmitted: its data is incomplete. Call the hall&apos;s IT staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record cannot be sent to the platform: a required field is missing. Complete it and save it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A result sent by the platform could not be read; it was not stored. The workstation asks for it again by itself; if it keeps happening, call the hall&apos;s IT staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document camera is connected. Plug the camera&apos;s USB cable into this computer, wait a few seconds, then choose Refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document camera is not connected. Check its USB cable, then choose it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document camera could not take the picture. Capture again; if it fails again, reconnect the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document camera is still starting. Wait a moment, then capture again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document camera stopped working. Reconnect it, then choose it again; pages already captured are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanners did not answer in time. Check their cables and power, then choose Refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scanner was found. Check that the scanner is switched on and its USB cable is plugged in, then choose Refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner is not ready. Choose it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner does not answer. Check that it is switched on, then choose it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sheet scanner shows no live picture. Put the page in, then scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Black and white</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flatbed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document feeder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document feeder, both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feeder is empty. Put the pages in the feeder, then scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper is jammed in the scanner. Open the scanner, remove the paper, then scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner&apos;s cover is open. Close it, then scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner is busy, perhaps in use by another program. Wait a moment, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer is not allowed to use the scanner. Ask IT to check the scanner&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner stopped responding. Check its cable and power, then scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner sent a picture this program cannot read. Ask IT to check the scanner settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner could not be opened. Check that it is switched on and connected, then choose it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution (dpi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dpi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner did not accept this setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner software (SANE) could not start. Ask IT to check the scanner installation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of scanners could not be read. Check the scanner&apos;s cable and power, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner software (SANE) is not installed. Ask IT to install it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call is already under way at this window. End it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This call is no longer ringing or active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account signed in at another window, which ended the sign-in here. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call recording could not be saved. Check the free space of the workstation&apos;s disk and tell IT staff.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Hub::StatsReport</name>
    <message>
        <source>Statistics of cases handled at any hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be written. Check that the folder exists and is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period: %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases transmitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrections requested (return rate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions: accepted / rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejection rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt to transmission, working days (average / longest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission to decision, working days (average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper originals mailed / mailed late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results completed / delivered late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed assistance calls / escalations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratings (average score)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor ratings / rectified (rectification rate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text messages sent / failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases by application jurisdiction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases by home jurisdiction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases by window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated %1 by tongban-hub</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::SetupAssistant</name>
    <message>
        <source>Window setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform and administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator of the platform sets up a window. The sign-in also checks the platform&apos;s address and its certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file (PEM), if the hall has one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in and check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the platform&apos;s address as https://host[:port].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s account and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an administrator&apos;s account: a window is set up by an administrator of the platform (role admin).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform on this machine: no TLS needed (demo, training).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the platform&apos;s certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate verified: %1, issued by %2, valid until %3 (%4 days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the platform&apos;s operators for the renewed certificate before it expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer within %1 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform&apos;s certificate has expired (%1). Ask the platform&apos;s operators to renew it: no window can connect until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted here (%2). Enter the file of the hall&apos;s CA certificate (PEM, from the platform&apos;s operators) under CA certificate, and check that the address is the name in the platform&apos;s certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secure connection to %1 (%2). Check the platform&apos;s address and port and the network cable, then check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator %1 signed in, but the platform&apos;s list of windows could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator %1 signed in; the platform %2 lists %3 windows. Press Enter to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform %1 has no window %2. Check the id against the platform&apos;s list of windows, or ask its administrators to add the window first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window %1 (%2) is in use: a workstation is signed in there now. Each workstation needs its own window id: check the id, or sign out at the other workstation first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window&apos;s id as the platform knows it, and its name as printed on notices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check what Finish writes, then press Finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish writes these settings to the settings file. Restart the workstation afterwards so that it uses them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the default printer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::ResultDeliveryBox</name>
    <message>
        <source>How the applicant receives the result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collect at this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collect at the home window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print it at a self-service terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the receipt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the mailing address, then keep it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::DeliveriesCard</name>
    <message>
        <source>No result to deliver.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collect at the home window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collect at this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results to deliver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliver by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No platform is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to deliver.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the waybill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the hand-over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received by</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) to deliver, %1 overdue.</source>
        <translation>
            <numerusform>%n result to deliver, %1 overdue.</numerusform>
            <numerusform>%n results to deliver, %1 overdue.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::DeviceCheckPage</name>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lay a page under the document camera, speak into the microphone, listen to the test tone and print a test page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a test tone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document camera: %1, picture live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document camera: none found. Connect it with its USB cable, then go back and forward to look again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document camera: %1, connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated HD camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HD camera: simulated (this window has no camera for video calls).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No HD camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HD camera: none found. Video assistance needs one: connect it, then go back and forward to look again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HD camera: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HD camera: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone: simulated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone: none found. Connect the headset, then go back and forward to look again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone %1: cannot record 48 kHz mono.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone: %1. Speak: the bar follows your voice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker: simulated, no tone is played on this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker: none found. Connect the headset or the speakers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker %1: cannot play 48 kHz mono.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker: %1, a one-second tone is playing. Did you hear it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tongban test page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tongban Workstation: test page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window %1 (%2)
Printer %3
Printed %4

If you can read this page, notices and receipts print on this printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test page sent to %1 (job %2). Check that it came out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tongban::Gui::RatingDialog</name>
    <message>
        <source>Very satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate our service (好差评)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How satisfied are you with the service at this window?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went well, or what we should do better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send rating (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
