#include "query/facet_spy.h"

#include "schema.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace hemeroteca::search {

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    if (column_ && column_->covers(doc.get_docid()))
        add_covered(doc.get_docid());
    else
        add_read(doc);
}

void FacetSpy::add_read(const Xapian::Document& doc) {
    ++seen_;
    ++by_value_[doc.get_value(schema::slot(schema::Slot::facets))];
    const std::string key = doc.get_value(schema::slot(schema::Slot::cluster));
    const std::uint32_t known = column_ && !key.empty() ? column_->cluster_id(key) : 0;
    if (known != 0)
        count_story(known);
    else if (key.empty())
        ++stories_; // no syndicated copies
    else
        stories_ += other_clusters_.insert(key).second;
}

void FacetSpy::count_story(std::uint32_t cluster_id) {
    if (cluster_id == 0) {
        ++stories_; // no syndicated copies
    } else if (!cluster_seen_[cluster_id]) {
        cluster_seen_[cluster_id] = true;
        ++stories_;
    }
}

namespace {

using Counted = std::vector<std::pair<std::string, Xapian::doccount>>;

// One value: its count and its commonest surface form.
struct Tally {
    Xapian::doccount count = 0;
    std::unordered_map<std::string, Xapian::doccount> forms;
};

// The commonest form; on a tie the smaller string (capitals sort first: "El País" before "El país").
std::string commonest(const std::unordered_map<std::string, Xapian::doccount>& forms) {
    const std::pair<const std::string, Xapian::doccount>* best = nullptr;
    for (const auto& form : forms)
        if (!best || form.second > best->second || (form.second == best->second && form.first < best->first))
            best = &form;
    return best ? best->first : std::string();
}

void sort_and_cut(Counted& out, std::size_t limit) {
    const auto before = [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    };
    if (out.size() > limit) {
        std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(limit), out.end(), before);
        out.resize(limit);
    } else {
        std::sort(out.begin(), out.end(), before);
    }
}

} // namespace

const std::vector<Xapian::doccount>& FacetSpy::surface_counts(std::size_t field) const {
    // Every field's counts in one pass over the matched value ids (not one per facet).
    if (column_ && !surfaces_counted_) {
        const FacetFields& fields = column_->fields();
        for (std::size_t f = 0; f < facets::kFields; ++f) by_surface_[f].assign(fields.surfaces(f), 0);
        for (std::uint32_t id = 1; id < by_id_.size(); ++id) {
            if (by_id_[id] == 0) continue;
            for (auto item = column_->items_begin(id); item != column_->items_end(id); ++item)
                by_surface_[item->field][item->surface] += by_id_[id];
        }
        surfaces_counted_ = true;
    }
    return by_surface_[field];
}

std::vector<std::pair<std::string, Xapian::doccount>> FacetSpy::top(Facet facet, std::size_t limit) const {
    const std::size_t field = index(facet);
    // From the column: counts by surface id, then by key id (the common case: no string work but the output).
    std::vector<Xapian::doccount> by_key;
    std::vector<std::uint32_t> best_surface;
    const std::vector<Xapian::doccount>& by_surface = surface_counts(field);
    if (column_) {
        const FacetFields& fields = column_->fields();
        by_key.assign(fields.keys(field), 0);
        best_surface.assign(fields.keys(field), 0);
        for (std::uint32_t s = 0; s < by_surface.size(); ++s) {
            if (by_surface[s] == 0) continue;
            const std::uint32_t k = fields.key_of(field, s);
            const std::uint32_t b = best_surface[k];
            if (by_key[k] == 0 || by_surface[s] > by_surface[b] ||
                (by_surface[s] == by_surface[b] && fields.surface(field, s) < fields.surface(field, b)))
                best_surface[k] = s;
            by_key[k] += by_surface[s];
        }
    }
    Counted out;
    if (by_value_.empty()) {
        for (std::uint32_t k = 0; k < by_key.size(); ++k)
            if (by_key[k] > 0) out.emplace_back(column_->fields().surface(field, best_surface[k]), by_key[k]);
        sort_and_cut(out, limit);
        return out;
    }
    // Values read from documents (a one-shot search, or articles newer than the column): by key string.
    std::unordered_map<std::string, Tally> tallies;
    if (column_) {
        const FacetFields& fields = column_->fields();
        for (std::uint32_t s = 0; s < by_surface.size(); ++s) {
            if (by_surface[s] == 0) continue;
            Tally& t = tallies[fields.key(field, fields.key_of(field, s))];
            t.count += by_surface[s];
            t.forms[fields.surface(field, s)] += by_surface[s];
        }
    }
    for (const auto& [value, n] : by_value_)
        facets::for_each_value(value, [&, n = n](facets::Field f, std::string_view one) {
            if (static_cast<std::size_t>(f) != field) return;
            Tally& t = tallies[facets::key(one)];
            t.count += n;
            t.forms[facets::display(one)] += n;
        });
    for (const auto& [key, tally] : tallies) out.emplace_back(commonest(tally.forms), tally.count);
    sort_and_cut(out, limit);
    return out;
}

} // namespace hemeroteca::search
