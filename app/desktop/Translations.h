// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>

namespace authlens::desktop {

// Installs Qt's own and Authlens's translations for `locale` on the running application, replacing
// any installed before. Returns false when Authlens has no translation for that language (English is
// then shown, which is the source language).
bool installTranslations(const QLocale& locale);

} // namespace authlens::desktop
