<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>QObject</name>
        <message>
            <source>Tongban Workstation</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Tongban::Cli</name>
        <message>
            <source>Unknown command: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not a date: %1 (expected YYYY-MM-DD)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: working day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: public holiday (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: rest day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: tongban-cli calendar add YYYY-MM-DD N</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audit trail intact: %1 records checked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audit trail TAMPERED: %1 problems.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>healthy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>DAMAGED</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pages: %1 checked, %2 damaged or missing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: tongban-cli id check NUMBER-OR-CODE</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Valid resident identity number %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Valid unified social credit code %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Invalid.
As an identity number: %1
As a credit code: %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Tongban::Core</name>
        <message>
            <source>A unified social credit code has 18 characters; this one has %1. Check the code on the business licence and type it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Character %1 (%2) cannot appear in a unified social credit code: the letters I, O, S, V and Z are never used. Check the code on the business licence.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The unified social credit code does not pass its check: one character is probably mistyped. Compare it with the licence character by character.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An identity number has 18 characters; this one has %1. Check the number on the card and type it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Character %1 of the identity number must be a digit. Check the number on the card and type it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The last character of the identity number must be a digit or X.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Characters 7 to 14 of the identity number are not a real birth date. Check the number on the card and type it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The identity number does not pass its check: one character is probably mistyped. Compare it with the card digit by digit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The working-day calendar has no data for %1, so no deadline can be computed for that year. Update the catalogue from the platform, or ask IT to install a newer calendar.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The working-day calendar data is damaged and was not used. The previous calendar stays in force.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Tongban::Gui::AuditPage</name>
        <message>
            <source>Audit trail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every act on this workstation is recorded here, attributed to a clerk and chained so that a changed or removed record is detected. Records are kept at least 180 days.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Check the chain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clerk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The check could not run: %1</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tampering detected. Do not use this workstation for cases and call your supervisor.
%1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Tongban::Gui::MainWindow</name>
        <message>
            <source>Tongban Workstation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Window: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clerk: not signed in (sign-in not built yet)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start a case for an applicant: find the service item, read its unified guide, enter the applicant and answer the questions that decide which materials apply.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search items by name, code, keyword or pinyin initials</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check identity numbers and credit codes as they are typed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the case from the first keystroke</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Material checking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check each material against its review points, with the annotated sample beside the live document camera view.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Capture pages automatically when the paper is still</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark each review point passed or failed with a standard reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record tolerated absences with the applicant's commitment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notices and receipts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print the one-time notice listing every deficiency, or the receipt when the materials are complete.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Numbered per window, with a QR code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reprints marked as such and recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outbox</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Send complete cases to the unified acceptance platform, resuming by itself when the network fails.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Progress and failures of every upload</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mailing tasks for paper originals, with their deadlines</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Video assistance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call the home window of the item about a material, show the captured page and let the home clerk point at it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Missed calls reminded by SMS and counted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls recorded and kept six months</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audit trail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Data: %1    Calendar: %2-%3    Platform: not connected (not built yet)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+%1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Tongban::Gui::NotBuiltPage</name>
        <message>
            <source>Not built yet: this screen cannot be used on this version of the workstation.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What it will do:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Tongban::Gui::TodayPage</name>
        <message>
            <source>Working days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next working day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paper originals received today must be mailed by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calendar data covers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This workstation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Data folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cases stored</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pages stored</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audit trail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not built yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This version is the foundation of the workstation. It keeps data safely and records every act, but it cannot receive an application yet. Not built yet:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clerk sign-in with a personal account and the idle lock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The service-item catalogue: guides, materials and review points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Capture from the document camera or scanner</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Guided material checking, the one-time notice and the receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transmission to the unified acceptance platform, mailing and results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Video remote assistance with the home window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Installer and IT diagnostics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Today, %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown: no calendar data for this year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Working day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rest day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Public holiday (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot be computed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The calendar has no data for %1 yet: deadlines that run into %1 cannot be computed. The platform will supply it; until then ask IT to update the calendar.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Healthy (integrity check passed)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Damaged: call IT support before capturing anything</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not be checked: %1</source>
            <translation type="unfinished" />
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
    </context>
    <context>
        <name>Tongban::Security</name>
        <message>
            <source>The action could not be recorded in the audit trail, so it must not be treated as done. Try again; if it happens again, call IT support.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The audit trail could not be read. Try again; if it happens again, call IT support.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The audit trail is damaged: its anchor record is missing. Call IT security support before working on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The action could not be recorded in the audit trail because the program did not say what was done. Call IT support.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The audit trail shows signs of tampering, so no old records were removed: they are evidence. Call IT security support.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Tongban::Storage</name>
        <message>
            <source>The workstation database could not be opened. Check that the disk is present and not full, then restart; if it happens again, call IT support with this message.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This workstation database was written by a newer version of Tongban Workstation. It has not been changed. Install the newer version again (never a downgrade) or call IT support.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The database schema of this build is inconsistent. Call IT support.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The disk is full, so nothing more can be saved. Everything saved before is intact. Free disk space (or call IT support), then try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The workstation database refused an operation. Nothing was lost; try again, and call IT support if it happens again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The workstation is not allowed to write its data folder. Everything saved before is intact. Call IT support to check the folder's permissions.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saving to disk failed. Everything saved before is intact. Try again; if it fails again, call IT support.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The page has no case to belong to.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The page reference is invalid.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A page file is missing from the data folder. Capture the page again; call IT support if other pages are missing too.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A page file could not be read. Try again; call IT support if it keeps failing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A page file is damaged (its content no longer matches what was captured). Capture the page again and call IT support to check the disk.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This page no longer exists.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
