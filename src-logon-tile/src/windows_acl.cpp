// The production owner/DACL reader for the tile's own folder check (folder_check.h). Wine 8 makes up every file's
// security descriptor (the Wine user owns everything), so under Wine this refuses for real (WV-6, the shipped
// DLL's test); the pass path is on the manual checklist.
#include <aclapi.h>

#include "system_port.h"

namespace tile {
namespace {

Trustee classify(PSID sid) noexcept {
  if (!sid || !IsValidSid(sid)) return Trustee::kOther;
  if (IsWellKnownSid(sid, WinLocalSystemSid) || IsWellKnownSid(sid, WinBuiltinAdministratorsSid)) return Trustee::kTrusted;
  if (IsWellKnownSid(sid, WinCreatorOwnerSid)) return Trustee::kCreatorOwner;
  // NT SERVICE\TrustedInstaller: S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464.
  SID_IDENTIFIER_AUTHORITY nt = SECURITY_NT_AUTHORITY;
  PSID installer = nullptr;
  if (!AllocateAndInitializeSid(&nt, 6, 80, 956008885, 3418522649u, 1831038044, 1853292631, 2271478464u, 0, 0, &installer)) return Trustee::kOther;
  const bool same = EqualSid(sid, installer) != FALSE;
  FreeSid(installer);
  return same ? Trustee::kTrusted : Trustee::kOther;
}

}  // namespace

HRESULT readPathSecurity(const wchar_t* path, PathSecurity& security) noexcept {
  security = PathSecurity{};
  PSID owner = nullptr;
  PACL dacl = nullptr;
  PSECURITY_DESCRIPTOR descriptor = nullptr;
  const DWORD status = GetNamedSecurityInfoW(path, SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, &owner,
                                             nullptr, &dacl, nullptr, &descriptor);
  if (status != ERROR_SUCCESS) return HRESULT_FROM_WIN32(status);
  security.owner = classify(owner);
  security.hasDacl = dacl != nullptr;
  ACL_SIZE_INFORMATION info{};
  if (dacl && !GetAclInformation(dacl, &info, sizeof info, AclSizeInformation)) security.truncated = true;
  for (DWORD i = 0; dacl && !security.truncated && i < info.AceCount; ++i) {
    ACE_HEADER* header = nullptr;
    if (i >= sizeof security.aces / sizeof security.aces[0] || !GetAce(dacl, i, reinterpret_cast<void**>(&header))) {
      security.truncated = true;
      break;
    }
    AceFact& fact = security.aces[security.count++];
    fact.inheritOnly = (header->AceFlags & INHERIT_ONLY_ACE) != 0;
    if (header->AceType == ACCESS_ALLOWED_ACE_TYPE || header->AceType == ACCESS_DENIED_ACE_TYPE) {
      auto* ace = reinterpret_cast<ACCESS_ALLOWED_ACE*>(header);  // same layout for both types
      fact.allow = header->AceType == ACCESS_ALLOWED_ACE_TYPE;
      fact.mask = ace->Mask;
      fact.who = classify(&ace->SidStart);
    } else {  // object or callback ACEs: not expected on these folders; counted as anyone, full access
      fact.mask = GENERIC_ALL;
    }
  }
  LocalFree(descriptor);
  return S_OK;
}

}  // namespace tile
