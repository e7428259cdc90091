#include "status.h"

#include "texts.h"

namespace tile {

const wchar_t* statusText(Refusal refusal) noexcept {
  switch (refusal) {
    case Refusal::kNone: return L"";
    case Refusal::kLocked: return kLockedStatus;
    case Refusal::kDisabled: return kDisabledStatus;
    case Refusal::kEdition: return kLockdownEditionStatus;
    case Refusal::kShellLauncher: return kLockdownShellLauncherStatus;
    case Refusal::kLocalPolicyOff: return kLockdownLocalPolicyStatus;
    case Refusal::kUserPolicyShell: return kLockdownUserPolicyStatus;
    case Refusal::kAppLocker: return kLockdownAppLockerStatus;
    case Refusal::kUnsafeFolder: return kLockdownFolderStatus;
    case Refusal::kNotSetUp: break;
  }
  return kNotSetUpStatus;
}

const wchar_t* refusalName(Refusal refusal) noexcept {
  switch (refusal) {
    case Refusal::kNone: return L"none";
    case Refusal::kLocked: return L"refused: account locked out";
    case Refusal::kDisabled: return L"refused: account disabled";
    case Refusal::kEdition: return L"refused WV-1: edition";
    case Refusal::kShellLauncher: return L"refused WV-2: Shell Launcher";
    case Refusal::kLocalPolicyOff: return L"refused WV-3: local policy off";
    case Refusal::kUserPolicyShell: return L"refused WV-4: policy Shell";
    case Refusal::kAppLocker: return L"refused WV-5: AppIDSvc";
    case Refusal::kUnsafeFolder: return L"refused WV-6: DLL folder";
    case Refusal::kNotSetUp: break;
  }
  return L"refused: not set up";
}

}  // namespace tile
