# Shared by install.ps1 and uninstall.ps1 (dot-sourced). Windows PowerShell 5.1, run elevated.
# Every change install.ps1 makes is recorded under $StateKey, so uninstall.ps1 undoes exactly that and nothing
# an administrator or GPO had set before. Names shared with the logon tile: WINDOWS-CONTRACT (see
# docs/windows-kiosk.md, "Names shared with the tile").
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$ProductName = 'Wachtwoord vergeten'
$ProductKey = 'HKLM:\SOFTWARE\Wachtwoord vergeten' # admin-only; the tile reads KioskAccount, Ready, Disabled, texts
$StateKey = "$ProductKey\Install"
# The known folder (SHGetKnownFolderPath), never %ProgramData% from an environment.
$SettingsDir = Join-Path ([Environment]::GetFolderPath('CommonApplicationData')) $ProductName
$SetupCopyDir = Join-Path $SettingsDir 'setup' # the scripts, outside the install folder NSIS deletes
$LsaKey = 'HKLM:\SYSTEM\CurrentControlSet\Control\Lsa'
$EmbeddedNs = 'root\standardcimv2\embedded'
$TaskName = "$ProductName - setup na herstart"
# Well-known SIDs, whatever the display language ("Gebruikers", "Administratoren").
$UsersGroupSid = 'S-1-5-32-545'
$AdminsSid = 'S-1-5-32-544'
$SystemSid = 'S-1-5-18'
$TrustedOwners = @($AdminsSid, $SystemSid, 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464') # + TrustedInstaller
# Rights the kiosk account must never have: no network, RDP, batch or service logon.
$DenyRights = @('SeDenyNetworkLogonRight', 'SeDenyRemoteInteractiveLogonRight', 'SeDenyBatchLogonRight', 'SeDenyServiceLogonRight')

function Write-Step([string] $Message) { Write-Host "[$ProductName] $Message" }

# One named step of install/uninstall; $CurrentStep names it in errors (and for the test harness).
function Step([string] $Name, [scriptblock] $Action) {
    $script:CurrentStep = $Name
    Write-Step "step: $Name"
    & $Action
}

# Runs an executable and returns its exit code and output. Windows PowerShell 5.1 turns every stderr line of a
# native command into an error record, and under 'Stop' the first one throws before $LASTEXITCODE can be read
# (so `reg.exe unload ... 2>$null` could never retry): here stderr is collected as text instead.
function Invoke-Native([string] $File, [string[]] $Arguments, [switch] $Check) {
    # An empty pipeline as stdin: no executable here may wait for an answer (takeown asks one for a folder it
    # may not list; with stdin at its end it does not change that folder, and the read-back then fails).
    $ErrorActionPreference = 'Continue'
    $output = @(@() | & $File @Arguments 2>&1 | ForEach-Object { "$_" })
    $code = $LASTEXITCODE
    if ($Check -and $code -ne 0) { throw "$File $($Arguments -join ' ') failed (exit $code): $($output -join ' ')" }
    return New-Object psobject -Property @{ ExitCode = $code; Output = $output }
}

function Assert-Admin {
    # The mandatory label of an elevated token (High, S-1-16-12288) or of SYSTEM (S-1-16-16384): language-free.
    $groups = (Invoke-Native 'whoami.exe' @('/groups') -Check).Output -join "`n"
    if ($groups -notmatch 'S-1-16-(12288|16384)\b') { throw 'Run this script elevated (as administrator).' }
}

# Shell Launcher, Keyboard Filter and AppLocker enforcement: Enterprise/Education (and IoT Enterprise).
# OperatingSystemSKU, not the translated caption: Enterprise 4/27, Enterprise LTSC 125/126, Education 121/122,
# IoT Enterprise 188/191. Pro (48), Pro Education (164), Home: not.
function Test-LockdownEdition {
    $sku = [int](Get-CimInstance -ClassName Win32_OperatingSystem).OperatingSystemSKU
    return @(4, 27, 121, 122, 125, 126, 188, 191) -contains $sku
}

function Get-RegValue([string] $Key, [string] $Name) {
    if (-not (Test-Path -Path $Key)) { return $null }
    $item = Get-ItemProperty -Path $Key -Name $Name -ErrorAction SilentlyContinue
    if ($null -eq $item) { return $null }
    return $item.$Name
}
function Set-RegValue([string] $Key, [string] $Name, $Value, [string] $Type) {
    if (-not (Test-Path -Path $Key)) { New-Item -Path $Key -Force | Out-Null }
    Set-ItemProperty -Path $Key -Name $Name -Value $Value -Type $Type
}
function Remove-RegValue([string] $Key, [string] $Name) {
    if ($null -ne (Get-RegValue $Key $Name)) { Remove-ItemProperty -Path $Key -Name $Name }
}

function Get-State([string] $Name) { return Get-RegValue $StateKey $Name }
function Set-State([string] $Name, $Value) {
    $type = 'String'
    if ($Value -is [int]) { $type = 'DWord' }
    if ($Value -is [array]) { $type = 'MultiString' }
    Set-RegValue $StateKey $Name $Value $type
}
function Remove-State([string] $Name) { Remove-RegValue $StateKey $Name }
# Lists (REG_MULTI_SZ): every kiosk SID ever used, every right added, ... so nothing is forgotten on uninstall.
# (PowerShell unrolls an empty or one-element array returned by a function: callers wrap the call in @().)
function Get-StateList([string] $Name) { return @(@(Get-State $Name) | Where-Object { $_ }) }
function Add-StateItem([string] $Name, [string] $Item) {
    $list = @(Get-StateList $Name)
    if ($list -notcontains $Item) { Set-State $Name ([string[]]($list + $Item)) }
}
function Remove-StateItem([string] $Name, [string] $Item) {
    $list = @(Get-StateList $Name | Where-Object { $_ -ne $Item })
    if ($list.Count) { Set-State $Name ([string[]]$list) } else { Remove-State $Name }
}
# Every change is recorded BEFORE it is made: a failure in between leaves a record of something that may not have
# happened (uninstall's undo is a no-op then), never a change without a record.

# Fail closed: Ready 0 (the tile then serializes nothing) and every kiosk account disabled. Best effort for each
# part, so one failure does not stop the next; returns $false if anything could not be done.
function Lock-Kiosk([string[]] $ExtraSids) {
    $safe = $true
    try { if (Test-Path -Path $ProductKey) { Set-RegValue $ProductKey 'Ready' 0 'DWord' } } catch { $safe = $false; Write-Warning "[$ProductName] could not clear Ready: $($_.Exception.Message)" }
    $sids = @()
    try { $sids = @(Get-StateList 'AccountSids') } catch { $safe = $false; Write-Warning "[$ProductName] could not read the recorded kiosk accounts: $($_.Exception.Message)" }
    foreach ($sid in (@($sids) + @($ExtraSids) | Where-Object { $_ } | Select-Object -Unique)) {
        try { if (Get-LocalUser -SID $sid -ErrorAction SilentlyContinue) { Disable-LocalUser -SID $sid } }
        catch { $safe = $false; Write-Warning "[$ProductName] COULD NOT DISABLE the kiosk account ${sid}: $($_.Exception.Message)" }
    }
    return $safe
}
