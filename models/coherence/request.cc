#include "models/coherence/request.h"

namespace invalsim::coherence {

const char* to_string(Req r) {
    switch (r) {
        case Req::ReadShared: return "ReadShared";
        case Req::ReadUnique: return "ReadUnique";
        case Req::Upgrade: return "Upgrade";
        case Req::WriteBack: return "WriteBack";
        case Req::CleanEvict: return "CleanEvict";
        case Req::ReadOnce: return "ReadOnce";
        case Req::WriteUnique: return "WriteUnique";
    }
    return "?";
}

const char* to_string(Source s) {
    switch (s) {
        case Source::None: return "none";
        case Source::L1: return "l1";
        case Source::L2: return "l2";
        case Source::L3: return "l3";
        case Source::Peer: return "peer";
        case Source::Slc: return "slc";
        case Source::Memory: return "memory";
    }
    return "?";
}

}  // namespace invalsim::coherence
