; Inno Setup script for Meter Journal on Windows (Inno Setup 6).
; Build the bundle first:  pyinstaller --noconfirm build_installer.spec   (→ dist\meter-journal\)
; then:                    iscc /DAppVersion=0.1.0 resources\installers\meter-journal.iss
; The installer is Russian by default (English offered), installs per user without administrator rights,
; and creates Start-menu and (optionally) desktop shortcuts. See docs/INSTALLERS.md.

#ifndef AppVersion
  #define AppVersion "0.1.0"
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
OutputBaseFilename=meter-journal-{#AppVersion}-setup
SetupIconFile=..\icons\meter-journal.ico
UninstallDisplayIcon={app}\{#AppExe}
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

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
