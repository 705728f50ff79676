/* json_out.h — the streaming JSON writer lives in tui/app/json_out.h (the
 * plan document is written by app/, which both faces share); this name
 * stays for the commands that include it from here. */
#ifndef STAKETOP_CLI_JSON_OUT_H
#define STAKETOP_CLI_JSON_OUT_H

#include "tui/app/json_out.h"

#endif
