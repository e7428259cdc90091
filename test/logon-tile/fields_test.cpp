// What LogonUI draws: field descriptors, states, texts (defaults and the registry's), the tile bitmap, the
// submit button as the tile's one action (selection never signs in), and the tile's behaviour when the machine
// is not set up (status text, nothing serialized).
#include "fields.h"
#include "harness.h"
#include "suites.h"
#include "texts.h"

namespace t {
namespace {

COLORREF pixel(HBITMAP bitmap, int x, int y) {
  HDC dc = CreateCompatibleDC(nullptr);
  HGDIOBJ old = SelectObject(dc, bitmap);
  const COLORREF color = GetPixel(dc, x, y);
  SelectObject(dc, old);
  DeleteDC(dc);
  return color;
}

void descriptors(ICredentialProvider* provider) {
  DWORD count = 0;
  check(provider->GetFieldDescriptorCount(&count) == S_OK && count == 4, "4 field descriptors");
  const CREDENTIAL_PROVIDER_FIELD_TYPE types[] = {CPFT_TILE_IMAGE, CPFT_LARGE_TEXT, CPFT_SMALL_TEXT, CPFT_SUBMIT_BUTTON};
  const char* names[] = {"tile image", "large text", "small text", "submit button"};
  for (DWORD i = 0; i < 4; ++i) {
    CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR* d = nullptr;
    const bool ok = provider->GetFieldDescriptorAt(i, &d) == S_OK && d && d->dwFieldID == i && d->cpft == types[i] && d->pszLabel &&
                    *d->pszLabel && IsEqualGUID(d->guidFieldType, GUID_NULL);
    check(ok, "field descriptor " + std::to_string(i) + " is the " + names[i] + ", with a label");
    if (d) CoTaskMemFree(d->pszLabel);
    CoTaskMemFree(d);
  }
  CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR* none = reinterpret_cast<CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR*>(1);
  check(provider->GetFieldDescriptorAt(4, &none) == E_INVALIDARG && !none, "field descriptor 4 is E_INVALIDARG");
  DWORD credentials = 0, defaultIndex = 0;
  BOOL autoWithDefault = TRUE;
  check(provider->GetCredentialCount(&credentials, &defaultIndex, &autoWithDefault) == S_OK && credentials == 1 &&
            defaultIndex == CREDENTIAL_PROVIDER_NO_DEFAULT && autoWithDefault == FALSE,
        "one tile, never the default, never signed in by LogonUI on its own");
  ICredentialProviderCredential* second = reinterpret_cast<ICredentialProviderCredential*>(1);
  check(provider->GetCredentialAt(1, &second) == E_INVALIDARG && !second, "GetCredentialAt(1) is E_INVALIDARG");
  check(provider->GetFieldDescriptorCount(nullptr) == E_POINTER && provider->GetCredentialCount(nullptr, nullptr, nullptr) == E_POINTER,
        "null out-pointers are refused (E_POINTER), never dereferenced");
}

void bitmap(ICredentialProviderCredential* credential) {
  HBITMAP bmp = nullptr;
  BITMAP info{};
  const bool loaded = credential->GetBitmapValue(tile::kFieldImage, &bmp) == S_OK && bmp && GetObjectW(bmp, sizeof info, &info);
  check(loaded && info.bmWidth == 256 && info.bmHeight == 256, "the tile image is a 256x256 bitmap");
  // The icon: blue square (#1f5fa8) with a white keyhole ring at the top centre (resources/icons/make-icons.sh).
  check(loaded && pixel(bmp, 20, 128) == RGB(0x1f, 0x5f, 0xa8) && pixel(bmp, 128, 72) == RGB(0xff, 0xff, 0xff) &&
            pixel(bmp, 128, 100) == RGB(0x1f, 0x5f, 0xa8),
        "the tile image is the app icon (blue, white keyhole)");
  if (bmp) DeleteObject(bmp);
  check(credential->GetBitmapValue(tile::kFieldTitle, &bmp) == E_INVALIDARG, "GetBitmapValue of a text field is E_INVALIDARG");
}

}  // namespace

void fieldSuite(const Dll& dll, bool real) {
  // The shipped DLL under Wine lies in a user-owned folder: its small text is the WV-6 status instead.
  const std::wstring setUp = real ? tile::kLockdownFolderStatus : tile::kDefaultSubtitle;
  tile::ComPtr<ICredentialProvider> provider;
  tile::ComPtr<ICredentialProviderCredential> credential;
  if (!readyTile(dll, provider, credential, "tile offered for the field checks")) return;
  descriptors(provider.get());
  bool allShown = true;
  for (DWORD f = 0; f < 4; ++f) {
    CREDENTIAL_PROVIDER_FIELD_STATE state{};
    CREDENTIAL_PROVIDER_FIELD_INTERACTIVE_STATE interactive{};
    const CREDENTIAL_PROVIDER_FIELD_STATE expected = f == tile::kFieldSubmit ? CPFS_DISPLAY_IN_SELECTED_TILE : CPFS_DISPLAY_IN_BOTH;
    allShown = allShown && credential.get()->GetFieldState(f, &state, &interactive) == S_OK && state == expected && interactive == CPFIS_NONE;
  }
  check(allShown, "image and texts show on the tile, the submit button on the selected tile; none is interactive");
  DWORD adjacent = 99;
  check(credential.get()->GetSubmitButtonValue(tile::kFieldSubmit, &adjacent) == S_OK && adjacent == tile::kFieldSubtitle,
        "the submit button sits next to the small text");
  check(credential.get()->GetSubmitButtonValue(tile::kFieldTitle, &adjacent) == E_INVALIDARG &&
            credential.get()->GetSubmitButtonValue(tile::kFieldSubmit, nullptr) == E_POINTER,
        "GetSubmitButtonValue of another field is E_INVALIDARG, of a null pointer E_POINTER");
  check(stringValue(credential.get(), tile::kFieldTitle) == tile::kDefaultTitle, "default large text: Wachtwoord vergeten");
  check(stringValue(credential.get(), tile::kFieldSubtitle) == setUp, "default small text (Dutch)");
  bitmap(credential.get());
  check(!autoLogon(credential.get()), "set up: selecting the tile does not sign in (SetSelected: no auto-logon)");

  setString(L"TileTitle", L"Wachtwoord kwijt?");
  setString(L"TileSubtitle", L"Zelf een nieuw wachtwoord instellen");
  check(offeredTile(dll, provider, credential), "tile offered with registry texts");
  check(stringValue(credential.get(), tile::kFieldTitle) == L"Wachtwoord kwijt?", "large text from TileTitle");
  check(stringValue(credential.get(), tile::kFieldSubtitle) == (real ? setUp : L"Zelf een nieuw wachtwoord instellen"), "small text from TileSubtitle");
  setString(L"TileTitle", L"");
  check(offeredTile(dll, provider, credential) && stringValue(credential.get(), tile::kFieldTitle) == tile::kDefaultTitle,
        "an empty TileTitle falls back to the default");
}

void notReadySuite(const Dll& dll) {
  const struct { const char* name; void (*setup)(); } cases[] = {
      {"Ready missing", [] { clearProductKey(); setString(L"KioskAccount", kAccount); }},
      {"Ready=0", [] { clearProductKey(); setReady(); setDword(L"Ready", 0); }},
      {"Ready=2", [] { clearProductKey(); setReady(); setDword(L"Ready", 2); }},
      {"KioskAccount missing", [] { clearProductKey(); setDword(L"Ready", 1); }},
      {"KioskAccount not a local account name", [] { clearProductKey(); setReady(); setString(L"KioskAccount", L"PANTEIN\\someone"); }},
      {"KioskAccount longer than 20", [] { clearProductKey(); setReady(); setString(L"KioskAccount", L"wwv-0123456789abcdefgh"); }},
      {"KioskSid missing", [] { clearProductKey(); setReady(); deleteValue(L"KioskSid"); }},
      {"KioskSid not a SID", [] { clearProductKey(); setReady(); setString(L"KioskSid", L"S-1-5-21-1\\..\\x"); }},
      {"KioskShell missing", [] { clearProductKey(); setReady(); deleteValue(L"KioskShell"); }},
      {"ShellMode unknown", [] { clearProductKey(); setReady(); setString(L"ShellMode", L"Explorer"); }},
      {"no product key at all", [] { clearProductKey(); }},
  };
  for (const auto& c : cases) {
    c.setup();
    tile::ComPtr<ICredentialProvider> provider;
    tile::ComPtr<ICredentialProviderCredential> credential;
    const std::string name = std::string("not set up (") + c.name + "): ";
    check(offeredTile(dll, provider, credential), name + "the tile is shown");
    if (!credential.get()) continue;
    check(stringValue(credential.get(), tile::kFieldSubtitle) == tile::kNotSetUpStatus, name + "it shows the status text");
    check(!autoLogon(credential.get()), name + "selecting it does not sign in");
    Serialization s;
    serialize(credential.get(), s);
    check(s.hr == S_OK && s.response == CPGSR_NO_CREDENTIAL_NOT_FINISHED && !s.cs.rgbSerialization && s.cs.cbSerialization == 0,
          name + "nothing is serialized");
    check(s.status == tile::kNotSetUpStatus && s.icon == CPSI_ERROR, name + "GetSerialization answers with the status text");
  }
  clearProductKey();
}

}  // namespace t
