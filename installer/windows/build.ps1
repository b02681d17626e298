# Builds the Windows installer (run on Windows, from any folder):
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1 [-Fresh] [-SkipInstaller]
# Result: dist\agent-desktop\agent-desktop.exe (the bundle) and dist\agent-desktop_<version>_x64-setup.exe
# Needs: Python 3.11+ (python.org or `py`), Inno Setup 6 (winget install JRSoftware.InnoSetup or
# choco install innosetup). Signing happens only when a certificate is given (see installer\README.md):
#   $env:WINDOWS_CERT_PFX_BASE64, $env:WINDOWS_CERT_PASSWORD  (and signtool.exe from the Windows SDK)
param(
    [switch]$Fresh,
    [switch]$SkipInstaller,
    [string]$Python = "python"
)
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
$Venv = "$Root\build\venv-windows"
$Constraints = "$Root\installer\constraints.txt"

function Invoke-Checked([string]$What, [scriptblock]$Block) {
    & $Block
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit $LASTEXITCODE)" }
}

# 1. the build environment
if ($Fresh -and (Test-Path $Venv)) { Remove-Item -Recurse -Force $Venv }
if (-not (Test-Path "$Venv\Scripts\python.exe")) {
    Invoke-Checked "creating the venv" { & $Python -m venv $Venv }
}
$Py = "$Venv\Scripts\python.exe"
Invoke-Checked "pip install" { & $Py -m pip install --quiet --disable-pip-version-check -c $Constraints "$Root[build]" }

# 2. the icons must be rendered from the current SVG
$env:QT_QPA_PLATFORM = "offscreen"
Invoke-Checked "tools\make_icons.py --check" { & $Py "$Root\tools\make_icons.py" --check }
Remove-Item Env:\QT_QPA_PLATFORM

# 3. the bundle
if (Test-Path "$Root\dist\agent-desktop") { Remove-Item -Recurse -Force "$Root\dist\agent-desktop" }
Invoke-Checked "PyInstaller" {
    & "$Venv\Scripts\pyinstaller.exe" --noconfirm --log-level WARN --distpath "$Root\dist" `
        --workpath "$Root\build\pyinstaller" "$Root\installer\agent_desktop.spec"
}
$Version = (& $Py -c "import agent_desktop; print(agent_desktop.__version__)").Trim()
$Exe = "$Root\dist\agent-desktop\agent-desktop.exe"

# 4. signing (skipped without a certificate)
$SignTool = $null
if ($env:WINDOWS_CERT_PFX_BASE64) {
    $Temp = if ($env:RUNNER_TEMP) { $env:RUNNER_TEMP } else { $env:TEMP }
    $Pfx = Join-Path $Temp "agent-desktop-signing.pfx"
    [IO.File]::WriteAllBytes($Pfx, [Convert]::FromBase64String($env:WINDOWS_CERT_PFX_BASE64))
    $SignTool = (Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" |
                 Sort-Object FullName | Select-Object -Last 1).FullName
    $Timestamp = @("/fd", "sha256", "/tr", "http://timestamp.digicert.com", "/td", "sha256")
    Invoke-Checked "signing agent-desktop.exe" {
        & $SignTool sign /f $Pfx /p $env:WINDOWS_CERT_PASSWORD @Timestamp $Exe
    }
} else {
    Write-Host "[build] no WINDOWS_CERT_PFX_BASE64: the executable and the installer stay unsigned"
}

# 5. the installer
if (-not $SkipInstaller) {
    $Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
    if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
    if (-not (Test-Path $Iscc)) { throw "Inno Setup 6 is not installed (choco install innosetup)" }
    $IsccArgs = @("/Q", "/DAppVersion=$Version")
    if ($SignTool) {
        # Inno Setup signs the installer and its uninstaller with this command ($q: a quote, $f: the file).
        $IsccArgs += "/DSignToolName=signtool"
        $IsccArgs += "/Ssigntool=`$q$SignTool`$q sign /f `$q$Pfx`$q /p `$q$($env:WINDOWS_CERT_PASSWORD)`$q " +
                     "/fd sha256 /tr http://timestamp.digicert.com /td sha256 `$f"
    }
    Invoke-Checked "Inno Setup" { & $Iscc @IsccArgs "$Root\installer\windows\agent-desktop.iss" }
    Write-Host "[build] dist\agent-desktop_${Version}_x64-setup.exe"
}
Write-Host "[build] bundle: dist\agent-desktop ($([math]::Round((Get-ChildItem -Recurse "$Root\dist\agent-desktop" | Measure-Object Length -Sum).Sum / 1MB)) MB)"
