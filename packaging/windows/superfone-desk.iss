; Inno Setup 6 script: a per-user installer for Superfone Desk (no administrator rights).
;
; Built by `python packaging/build.py` on Windows, which passes the version from
; superfone_desk.__version__ and the paths:
;   iscc /DAppVersion=0.1.0 /DAppNumericVersion=0.1.0.0 /DSourceDir=...\dist\superfone-desk /DIconFile=...\superfone-desk.ico
;        /O...\dist packaging\windows\superfone-desk.iss
; The defaults below only make the script compile by hand from this folder.
;
; Installs the one-folder PyInstaller bundle to %LOCALAPPDATA%\Programs\Superfone Desk,
; adds a Start-menu shortcut (and, if ticked, a desktop one) and an entry in
; "Installed apps". Uninstalling removes exactly those; the app's data and settings
; (in the user's AppData) are left alone.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef AppNumericVersion
  #define AppNumericVersion AppVersion
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\superfone-desk"
#endif
#ifndef IconFile
  #define IconFile "..\..\resources\icons\superfone-desk.ico"
#endif
#define AppName "Superfone Desk"
#define AppExeName "superfone-desk.exe"

[Setup]
; Never change AppId: Windows knows an installed app (for upgrades and uninstall) by it.
AppId={{24FB549F-C98E-43B9-B054-FEDF73199F30}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
; Four numbers for Windows' version resource ("0.1.0rc1" would not do).
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductName={#AppName}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription={#AppName} installer
; Per user: no UAC prompt; {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
OutputBaseFilename=superfone-desk-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "Enter leads into Superfone CRM"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
