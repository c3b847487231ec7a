// Debian's libxml2 is built with ICU, so its encoding.h includes ICU's headers, whose
// definitions clash with the ICU that Foundation carries. meetlat uses only the streaming
// reader and the error record, never the encoding handlers those headers describe, so the
// ICU parts are left out of this module.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
