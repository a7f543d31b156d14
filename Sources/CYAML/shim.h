// Shim for libyaml (yaml.h), the YAML 1.1 event parser and emitter.
#ifndef CYAML_SHIM_H
#define CYAML_SHIM_H
#include <yaml.h>
#endif
