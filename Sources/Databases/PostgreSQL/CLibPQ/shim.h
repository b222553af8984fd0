#ifndef AUTOGEN_CLIBPQ_SHIM_H
#define AUTOGEN_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
