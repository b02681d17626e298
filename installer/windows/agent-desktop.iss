; Inno Setup 6 script: the Windows installer of Agent Desktop.
; build.ps1 runs it after PyInstaller:  ISCC.exe /DAppVersion=0.1.0 agent-desktop.iss
; Input: ..\..\dist\agent-desktop\ (the one-folder bundle). Output: ..\..\dist\agent-desktop_<version>_x64-setup.exe
; Per-user install by default (no administrator rights needed; agents rarely have them), or for all
; users when run elevated / with /ALLUSERS. Signing: build.ps1 passes /DSignToolName=... when a
; certificate is configured (Inno Setup then signs the installer and the uninstaller).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\agent-desktop"
#endif
#define AppName "Agent Desktop"
#define AppExe "agent-desktop.exe"

[Setup]
; Never change AppId: it is how Windows recognises upgrades and the uninstaller.
AppId={{4E13F194-93BE-44AF-8D6A-808CEC0938AF}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Agent Desktop
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=agent-desktop_{#AppVersion}_x64-setup
SetupIconFile=..\..\agent_desktop\resources\icons\agent-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
#ifdef SignToolName
SignTool={#SignToolName}
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole bundle; an upgrade first removes the previous version's files (see [InstallDelete]).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A new bundle may not contain every file of the old one: start from a clean _internal folder.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
