; Inno Setup script for Meter Journal on Windows (Inno Setup 6.3 or newer).
; Made by .github/workflows/release.yml; by hand (docs/INSTALLERS.md), after the bundle dist\meter-journal\:
;   iscc /DAppVersion=$env:VERSION resources\installers\meter-journal.iss
;   → dist\meter-journal-<version>-windows-x64-setup.exe
; The installer is Russian by default (English offered), installs per user without administrator rights,
; and creates Start-menu and (optionally) desktop shortcuts. The journal (%LOCALAPPDATA%\MeterJournal) is the
; user's and stays when the program is uninstalled.

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed (UTF-8 script without a BOM, x64compatible)
#endif
#ifndef AppVersion
  #error Give the package's version: iscc /DAppVersion=<desktop_app.__version__> meter-journal.iss
#endif
#define AppName "Журнал показаний"
#define AppExe "meter-journal.exe"

[Setup]
AppId={{6F0B9C2E-4C1B-4E55-9A1D-3B1C2D9E7A10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Meter Journal
DefaultDirName={localappdata}\Programs\MeterJournal
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=meter-journal-{#AppVersion}-windows-x64-setup
SetupIconFile=..\icons\meter-journal.ico
UninstallDisplayIcon={app}\{#AppExe}
; A 64-bit program on Qt 6: Windows 10 1809 or newer, x64 (or Arm64 with x64 emulation)
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
WizardSizePercent=120
ShowLanguageDialog=auto

[Languages]
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\meter-journal\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Not written by Setup (ValueType none, the key not created): removed by the uninstaller, even if the program can no
; longer run.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: none; ValueName: "MeterJournalReminder"; Flags: uninsdeletevalue dontcreatekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; First, before the files go: the reminder off — its entry removed and its waiter stopped (a running waiter keeps the
; program's files in use).
Filename: "{app}\{#AppExe}"; Parameters: "remind --off"; RunOnceId: "ReminderOff"; Flags: runhidden waituntilterminated skipifdoesntexist
