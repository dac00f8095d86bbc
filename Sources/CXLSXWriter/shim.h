#ifndef BILAN_CXLSXWRITER_SHIM_H
#define BILAN_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
