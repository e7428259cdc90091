# More of the fake machine, for the settings folder, local mode's AD password, the drift task and uninstall:
# Rename-Item, DPAPI machine scope, eventcreate.exe, scheduled-task triggers (start-up and daily).
# DPAPI machine scope (CryptProtectData with CRYPTPROTECT_LOCAL_MACHINE, learn.microsoft.com/windows/win32/api/
# dpapi/nf-dpapi-cryptprotectdata): "any user on the computer" can decrypt; no user's password is involved, so
# changing or resetting the kiosk account's password does not matter. Who may read the file is its ACL's business.
Add-Type -TypeDefinition @'
using System;
using System.Linq;
namespace WachtwoordVergeten {
  public static class MachineDpapi {
    public static Func<string, bool> Hook;
    static readonly byte[] Header = System.Text.Encoding.ASCII.GetBytes("FAKE-DPAPI-MACHINE:");
    static byte[] Mask(byte[] b) { return b.Select((x, i) => (byte)(x ^ (0x5A + i % 7))).ToArray(); }
    public static byte[] Protect(byte[] plain) {
      if (Hook != null && Hook("CryptProtectData")) throw new System.Security.Cryptography.CryptographicException("injected");
      return Header.Concat(Mask(plain)).ToArray();
    }
    public static byte[] Unprotect(byte[] sealedData) {
      if (Hook != null && Hook("CryptUnprotectData")) throw new System.Security.Cryptography.CryptographicException("injected");
      if (sealedData.Length < Header.Length || !sealedData.Take(Header.Length).SequenceEqual(Header)) throw new System.Security.Cryptography.CryptographicException("The data is invalid.");
      return Mask(sealedData.Skip(Header.Length).ToArray());
    }
  }
}
'@
[WachtwoordVergeten.MachineDpapi]::Hook = [Func[string, bool]] { param($what) Enter-Fake 'dpapi' $what }

function global:Rename-Item { [CmdletBinding()] param([Alias('Path')] [string] $LiteralPath, [string] $NewName)
    Assert-NotInjected 'Rename-Item' "$LiteralPath -> $NewName"
    $norm = ConvertTo-FakePath $LiteralPath
    $i = Get-FakeItem $norm
    if (-not $i) { throw "Cannot rename because item at '$LiteralPath' does not exist." }
    $target = (Get-FakeParentPath $norm) + '\' + $NewName
    if (Get-FakeItem $target) { throw "Cannot create a file when that file already exists: $target" }
    foreach ($c in @(@(Get-FakeChildren $norm -Recurse) + @($i))) {
        $global:W.Items.Remove($c.Path.ToLowerInvariant())
        $c.Path = $target + $c.Path.Substring($norm.Length)
        $global:W.Items[$c.Path.ToLowerInvariant()] = $c
    }
}

# eventcreate /L APPLICATION /T ERROR /SO <source> /ID <1..1000> /D <text>: $global:W.Events.
function global:eventcreate.exe {
    if (Enter-Fake 'eventcreate.exe' ($args -join ' ')) { Write-Error 'ERROR: Access is denied.'; $global:LASTEXITCODE = 1; return }
    $a = @{}
    for ($n = 0; $n + 1 -lt $args.Count; $n += 2) { $a[$args[$n].ToUpperInvariant()] = $args[$n + 1] }
    if ([int]$a['/ID'] -lt 1 -or [int]$a['/ID'] -gt 1000) { Write-Error 'ERROR: Invalid Argument/Option - /ID (1 to 1000).'; $global:LASTEXITCODE = 1; return }
    if ($null -eq $global:W['Events']) { $global:W.Events = [System.Collections.Generic.List[object]]::new() }
    $global:W.Events.Add(@{ Log = $a['/L']; Type = $a['/T']; Source = $a['/SO']; Id = [int]$a['/ID']; Text = $a['/D'] })
    $global:LASTEXITCODE = 0
}

# -AtLogOn (without -User: any user's sign-in) returns an object whose Delay can be set, as MSFT_TaskLogonTrigger's;
# Register-ScheduledTask records it as "AtLogOn delay <Delay>".
function global:New-ScheduledTaskTrigger { [CmdletBinding()] param([switch] $AtStartup, [switch] $Daily, [string] $At, [switch] $AtLogOn)
    Assert-NotInjected 'New-ScheduledTaskTrigger'
    if ($Daily) { return "Daily $At" }
    if ($AtLogOn) { $t = [pscustomobject]@{ Kind = 'AtLogOn'; Delay = $null }; $t | Add-Member -Force ScriptMethod ToString { "AtLogOn delay $($this.Delay)" }; return $t }
    return 'AtStartup'
}
function global:Register-ScheduledTask { [CmdletBinding()] param([string] $TaskName, $Action, $Trigger, [string] $User, [string] $RunLevel, [switch] $Force)
    Assert-NotInjected 'Register-ScheduledTask' $TaskName
    $t = @($Trigger)
    $global:W.Tasks[$TaskName] = @{ Execute = $Action.Execute; Argument = $Action.Argument; Trigger = $(if ($t.Count -eq 1) { $t[0] } else { $t -join ',' }); User = $User; RunLevel = $RunLevel }
}

# Windows' default "Allow log on locally" on a workstation: Administrators, Backup Operators, Users (learn.microsoft.com,
# "Allow log on locally", security policy settings reference).
function Set-DefaultLogonRights { foreach ($s in 'S-1-5-32-544', 'S-1-5-32-551', 'S-1-5-32-545') { [void][WachtwoordVergeten.Lsa]::AddAccountRight($s, 'SeInteractiveLogonRight') } }

# MoveFileEx(path, NULL, MOVEFILE_DELAY_UNTIL_REBOOT) (learn.microsoft.com/windows/win32/api/winbase/nf-winbase-movefileexw):
# the path is queued for deletion at the next restart; $global:W.PendingDeletes.
Add-Type -TypeDefinition @'
using System;
namespace WachtwoordVergeten {
  public static class PendingDelete {
    public static Func<string, int> Hook;
    public static int AtRestart(string path) { return Hook(path); }
  }
}
'@
[WachtwoordVergeten.PendingDelete]::Hook = [Func[string, int]] { param($p)
    if (Enter-Fake 'MoveFileEx' $p) { return 5 }
    if ($null -eq $global:W['PendingDeletes']) { $global:W.PendingDeletes = [System.Collections.Generic.List[string]]::new() }
    $global:W.PendingDeletes.Add($p)
    # Windows keeps the queue in Session Manager\PendingFileRenameOperations (REG_MULTI_SZ): "\??\<path>", then "" (delete).
    $sm = 'HKLM\SYSTEM\CurrentControlSet\Control\Session Manager'
    if (-not $global:W.Items.ContainsKey($sm.ToLowerInvariant())) { New-FakeItem $sm 'Key' $System }
    $k = $global:W.Items[$sm.ToLowerInvariant()]
    $old = @(); if ($k.Values.Contains('PendingFileRenameOperations')) { $old = @($k.Values['PendingFileRenameOperations'].Data) }
    $k.Values['PendingFileRenameOperations'] = @{ Type = 'MultiString'; Data = [string[]]($old + @("\??\$p", '')) }
    return 0
}

# A file LogonUI has loaded ($global:W.LockedFiles) cannot be deleted: "being used by another process".
$global:BaseRemoveItem = ${function:global:Remove-Item}
function global:Remove-Item { [CmdletBinding()] param([Alias('LiteralPath')] [Parameter(Position = 0)] [string] $Path, [switch] $Recurse, [switch] $Force)
    if ($global:W.ContainsKey('LockedFiles') -and @($global:W.LockedFiles) -contains (ConvertTo-FakePath $Path)) {
        Enter-Fake 'Remove-Item' $Path | Out-Null
        throw "The process cannot access the file '$Path' because it is being used by another process."
    }
    & $global:BaseRemoveItem -Path $Path -Recurse:$Recurse -Force:$Force
}

# Win32_UserProfile.Loaded: a profile's hive is loaded while its user has a session, and for $_.UnloadPolls more
# queries after it ended (Windows unloads it a little later); the MDM bridge's AppLocker classes
# (root\cimv2\mdm\dmmap, $global:W.MdmAppLocker: class name -> instances).
$global:BaseGetCim = ${function:global:Get-CimInstance}
function global:Get-CimInstance { [CmdletBinding()] param([string] $ClassName, [string] $Namespace, [string] $Filter)
    if ($ClassName -eq 'Win32_UserProfile') {
        Assert-NotInjected 'Get-CimInstance' $ClassName
        return @($global:W.Profiles | ForEach-Object {
                $p = $_
                $name = @($global:W.Users.Values | Where-Object { $_.Sid -eq $p.SID } | ForEach-Object { $_.Name })
                $inSession = @($global:W.Sessions | Where-Object { $name -contains ($_.UserName -split '\\')[-1] }).Count -gt 0
                if (-not $inSession -and $p.Contains('UnloadPolls') -and $p.UnloadPolls -gt 0) { $p.UnloadPolls-- }
                [pscustomobject]@{ SID = $p.SID; LocalPath = $p.LocalPath; Loaded = ($inSession -or ($p.Contains('UnloadPolls') -and $p.UnloadPolls -gt 0)) }
            })
    }
    if ($Namespace -eq 'root\cimv2\mdm\dmmap') {
        Assert-NotInjected 'Get-CimInstance' "$Namespace $ClassName"
        if (-not $global:W.ContainsKey('MdmAppLocker')) { return @() }
        return @($global:W.MdmAppLocker[$ClassName] | Where-Object { $_ } | ForEach-Object { [pscustomobject]$_ })
    }
    & $global:BaseGetCim -ClassName $ClassName -Namespace $Namespace -Filter $Filter
}
# A profile whose hive is loaded cannot be deleted (Win32_UserProfile Delete fails while the user is signed in).
function global:Remove-CimInstance { [CmdletBinding()] param($InputObject)
    Assert-NotInjected 'Remove-CimInstance' $InputObject.SID
    $p = @(Get-CimInstance -ClassName Win32_UserProfile | Where-Object { $_.SID -eq $InputObject.SID })
    if ($p.Count -and $p[0].Loaded) { throw "The process cannot access the file because it is being used by another process. ($($p[0].LocalPath))" }
    $global:W.Profiles = @($global:W.Profiles | Where-Object { $_.SID -ne $InputObject.SID })
}
