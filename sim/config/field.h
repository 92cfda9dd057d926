#pragma once

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "models/common/duration.h"
#include "sim/config/json.h"
#include "sim/config/units.h"
#include "sim/config/value_readers.h"

namespace invalsim::config {

// One parameter of a params struct: its key, type and description written
// once, feeding the JSON reader, the resolved-config writer and the schema
// documentation (`invalsim schema`). The default is whatever the struct's
// default member initialiser says.
template <class S>
struct Field {
    std::string key;
    std::string type;
    std::string description;
    std::function<void(S&, const Json&, const Cursor&)> read;
    std::function<Json(const S&)> write;
    bool required = false;
};

template <class S>
using Schema = std::vector<Field<S>>;

template <class S>
Field<S> required(Field<S> f) {
    f.required = true;
    return f;
}

template <class S, class T>
Field<S> integer_field(std::string key, T S::*m, std::string desc) {
    return {std::move(key), "integer", std::move(desc),
            [m](S& s, const Json& j, const Cursor& at) { read_unsigned(j, at, s.*m); },
            [m](const S& s) { return Json(s.*m); }};
}

template <class S, class T>
Field<S> size_field(std::string key, T S::*m, std::string desc) {
    return {std::move(key), "size", std::move(desc),
            [m](S& s, const Json& j, const Cursor& at) {
                std::uint64_t v = 0;
                if (!read_size(j, at, v)) return;
                if (v > std::numeric_limits<T>::max()) {
                    at.error("size " + format_size(v) + " is too large here");
                    return;
                }
                s.*m = static_cast<T>(v);
            },
            [m](const S& s) { return Json(format_size(s.*m)); }};
}

template <class S>
Field<S> address_field(std::string key, std::uint64_t S::*m, std::string desc) {
    return {std::move(key), "address", std::move(desc),
            [m](S& s, const Json& j, const Cursor& at) { read_address(j, at, s.*m); },
            [m](const S& s) { return Json(format_address(s.*m)); }};
}

template <class S>
Field<S> time_field(std::string key, common::Duration S::*m, std::string desc) {
    return {std::move(key), "time", std::move(desc),
            [m](S& s, const Json& j, const Cursor& at) { read_time(j, at, s.*m); },
            [m](const S& s) { return Json(format_time(s.*m)); }};
}

template <class S>
Field<S> frequency_field(std::string key, std::uint64_t S::*m, std::string desc) {
    return {std::move(key), "frequency", std::move(desc),
            [m](S& s, const Json& j, const Cursor& at) { read_frequency(j, at, s.*m); },
            [m](const S& s) { return Json(format_frequency(s.*m)); }};
}

template <class S>
Field<S> bandwidth_field(std::string key, double S::*m, std::string desc) {
    return {std::move(key), "bandwidth", std::move(desc),
            [m](S& s, const Json& j, const Cursor& at) { read_bandwidth(j, at, s.*m); },
            [m](const S& s) { return Json(format_bandwidth(s.*m)); }};
}

template <class S>
Field<S> real_field(std::string key, double S::*m, std::string desc) {
    return {std::move(key), "number", std::move(desc),
            [m](S& s, const Json& j, const Cursor& at) { read_real(j, at, s.*m); },
            [m](const S& s) { return Json(s.*m); }};
}

template <class S>
Field<S> bool_field(std::string key, bool S::*m, std::string desc) {
    return {std::move(key), "boolean", std::move(desc),
            [m](S& s, const Json& j, const Cursor& at) { read_bool(j, at, s.*m); },
            [m](const S& s) { return Json(s.*m); }};
}

template <class S>
Field<S> string_field(std::string key, std::string S::*m, std::string desc) {
    return {std::move(key), "string", std::move(desc),
            [m](S& s, const Json& j, const Cursor& at) { read_string(j, at, s.*m); },
            [m](const S& s) { return Json(s.*m); }};
}

template <class S>
Field<S> byte_field(std::string key, std::uint8_t S::*m, std::string desc) {
    return {std::move(key), "byte", std::move(desc),
            [m](S& s, const Json& j, const Cursor& at) { read_unsigned(j, at, s.*m); },
            [m](const S& s) { return Json(format_address(s.*m)); }};
}

template <class E>
using Choices = std::vector<std::pair<std::string, E>>;

template <class S, class E>
Field<S> enum_field(std::string key, E S::*m, Choices<E> choices, std::string desc) {
    std::string type;
    for (const auto& c : choices) type += (type.empty() ? "" : " | ") + ("\"" + c.first + "\"");
    return {std::move(key), type, std::move(desc),
            [m, choices](S& s, const Json& j, const Cursor& at) {
                std::string v;
                if (!read_string(j, at, v)) return;
                std::vector<std::string> names;
                for (const auto& [name, e] : choices) {
                    if (name == v) {
                        s.*m = e;
                        return;
                    }
                    names.push_back(name);
                }
                std::string msg = "expected one of ";
                for (std::size_t i = 0; i < names.size(); ++i) msg += (i ? ", \"" : "\"") + names[i] + "\"";
                msg += ", got \"" + v + "\"";
                const std::string near = closest(v, names);
                if (!near.empty()) msg += " (did you mean \"" + near + "\"?)";
                at.error(msg);
            },
            [m, choices](const S& s) {
                for (const auto& [name, e] : choices) {
                    if (e == s.*m) return Json(name);
                }
                return Json();
            }};
}

// A nested object read with its own table ("slc": {...}).
template <class S, class T>
Field<S> object_field(std::string key, T S::*m, const Schema<T>& sub, std::string desc);

// One name or a list of names ("target": "dram0" or ["cxl0", "cxl1"]).
template <class S>
Field<S> names_field(std::string key, std::vector<std::string> S::*m, std::string desc) {
    return {std::move(key), "string or array of strings", std::move(desc),
            [m](S& s, const Json& j, const Cursor& at) {
                std::vector<std::string> out;
                if (j.is_string()) {
                    out.push_back(j.get<std::string>());
                } else if (j.is_array() && !j.empty()) {
                    for (std::size_t i = 0; i < j.size(); ++i) {
                        std::string v;
                        if (!read_string(j[i], at.child(i), v)) return;
                        out.push_back(v);
                    }
                } else {
                    at.error("expected a name or a non-empty array of names, got " + describe(j));
                    return;
                }
                s.*m = out;
            },
            [m](const S& s) { return (s.*m).size() == 1 ? Json((s.*m)[0]) : Json(s.*m); }};
}

// Fields of a member struct presented at the level of the outer struct, so a
// config entry can combine a model's params with its wiring keys.
template <class Outer, class Inner>
Schema<Outer> lift(Inner Outer::*member, const Schema<Inner>& inner) {
    Schema<Outer> out;
    for (const auto& f : inner) {
        out.push_back({f.key, f.type, f.description,
                       [member, read = f.read](Outer& o, const Json& j, const Cursor& at) {
                           read(o.*member, j, at);
                       },
                       [member, write = f.write](const Outer& o) { return write(o.*member); },
                       f.required});
    }
    return out;
}

template <class S>
std::vector<std::string> keys_of(const Schema<S>& schema) {
    std::vector<std::string> keys;
    for (const auto& f : schema) keys.push_back(f.key);
    return keys;
}

// Reports a key that no field knows, suggesting the closest one.
void unknown_key(const Cursor& at, const std::string& key, const std::vector<std::string>& known);

// Reads the fields of `j` into `out`. Keys in `handled` are known but read
// by the caller (a `type` discriminator, say).
template <class S>
void read_object(const Schema<S>& schema, const Json& j, const Cursor& at, S& out,
                 const std::vector<std::string>& handled = {}) {
    if (!expect_object(j, at)) return;
    for (const auto& f : schema) {
        auto it = j.find(f.key);
        if (it != j.end()) {
            f.read(out, *it, at.child(f.key));
        } else if (f.required) {
            at.error("missing required key \"" + f.key + "\" (" + f.description + ")");
        }
    }
    std::vector<std::string> known = keys_of(schema);
    known.insert(known.end(), handled.begin(), handled.end());
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (std::find(known.begin(), known.end(), it.key()) == known.end()) {
            unknown_key(at, it.key(), known);
        }
    }
}

template <class S>
Json write_object(const Schema<S>& schema, const S& s) {
    Json j = Json::object();
    for (const auto& f : schema) j[f.key] = f.write(s);
    return j;
}

template <class S, class T>
Field<S> object_field(std::string key, T S::*m, const Schema<T>& sub, std::string desc) {
    return {std::move(key), "object", std::move(desc),
            [m, &sub](S& s, const Json& j, const Cursor& at) { read_object(sub, j, at, s.*m); },
            [m, &sub](const S& s) { return write_object(sub, s.*m); }};
}

}  // namespace invalsim::config
