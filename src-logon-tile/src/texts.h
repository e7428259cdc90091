// The tile's texts. Title and subtitle can be set per machine (HKLM, written by install.ps1); these are the
// Dutch defaults. The status texts are the ones the Windows scripts and the docs use (WINDOWS-CONTRACT,
// docs/windows-kiosk.md "What the tile says"): each says what happened and what to do.
#pragma once

namespace tile {

inline constexpr wchar_t kDefaultTitle[] = L"Wachtwoord vergeten";
inline constexpr wchar_t kDefaultSubtitle[] = L"Nieuw wachtwoord instellen met je geboortedatum en een sms-code";
inline constexpr wchar_t kNotSetUpStatus[] =
    L"Wachtwoord vergeten is op deze computer niet goed ingesteld. Neem contact op met de servicedesk.";
inline constexpr wchar_t kLockedStatus[] =
    L"Wachtwoord vergeten werkt op deze computer even niet. Probeer het over een kwartier opnieuw. Lukt het dan nog niet? "
    L"Neem contact op met de servicedesk.";
inline constexpr wchar_t kDisabledStatus[] =
    L"Wachtwoord vergeten staat op deze computer uit. Gebruik een andere computer of neem contact op met de servicedesk.";
// A lock-down check failed: the same words as kNotSetUpStatus, with the code of the check for the servicedesk.
inline constexpr wchar_t kLockdownEditionStatus[] =
    L"Wachtwoord vergeten is op deze computer niet goed ingesteld (code WV-1). Neem contact op met de servicedesk.";
inline constexpr wchar_t kLockdownShellLauncherStatus[] =
    L"Wachtwoord vergeten is op deze computer niet goed ingesteld (code WV-2). Neem contact op met de servicedesk.";
inline constexpr wchar_t kLockdownLocalPolicyStatus[] =
    L"Wachtwoord vergeten is op deze computer niet goed ingesteld (code WV-3). Neem contact op met de servicedesk.";
inline constexpr wchar_t kLockdownUserPolicyStatus[] =
    L"Wachtwoord vergeten is op deze computer niet goed ingesteld (code WV-4). Neem contact op met de servicedesk.";
inline constexpr wchar_t kLockdownAppLockerStatus[] =
    L"Wachtwoord vergeten is op deze computer niet goed ingesteld (code WV-5). Neem contact op met de servicedesk.";
inline constexpr wchar_t kLockdownFolderStatus[] =
    L"Wachtwoord vergeten is op deze computer niet goed ingesteld (code WV-6). Neem contact op met de servicedesk.";

// Accessibility labels of the fields (read by Narrator; CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR::pszLabel). The
// submit button's label is also its tooltip.
inline constexpr wchar_t kLabelImage[] = L"Wachtwoord vergeten";
inline constexpr wchar_t kLabelTitle[] = L"Titel";
inline constexpr wchar_t kLabelSubtitle[] = L"Uitleg";
inline constexpr wchar_t kLabelSubmit[] = L"Start";

}  // namespace tile
