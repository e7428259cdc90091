// The tile's texts. Title and subtitle can be set per machine (HKLM, written by install.ps1); these are the
// Dutch defaults. The status text is the one the Windows scripts and the docs use (WINDOWS-CONTRACT).
#pragma once

namespace tile {

inline constexpr wchar_t kDefaultTitle[] = L"Wachtwoord vergeten";
inline constexpr wchar_t kDefaultSubtitle[] = L"Nieuw wachtwoord instellen met je geboortedatum en een sms-code";
inline constexpr wchar_t kNotSetUpStatus[] =
    L"Wachtwoord vergeten is op deze computer niet goed ingesteld. Neem contact op met de servicedesk.";

// Accessibility labels of the fields (read by Narrator; CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR::pszLabel).
inline constexpr wchar_t kLabelImage[] = L"Wachtwoord vergeten";
inline constexpr wchar_t kLabelTitle[] = L"Titel";
inline constexpr wchar_t kLabelSubtitle[] = L"Uitleg";

}  // namespace tile
