// The test program's suites; each reports named checks through check() (harness.h).
#pragma once

#include "harness.h"

namespace t {

void lifecycleSuite(const Dll& dll);      // lifecycle_test.cpp
void scenarioSuite(const Dll& dll);
void referenceSuite(const Dll& dll);
void fieldSuite(const Dll& dll);          // fields_test.cpp
void notReadySuite(const Dll& dll);
void missingSecretSuite(const Dll& dll);  // serialization_test.cpp: the real DLL (Wine's LSA has no secret)
void successSuite(const Dll& dll);        // the test-only DLL with the fake secret source
void failedLogonSuite(const Dll& dll);

}  // namespace t
