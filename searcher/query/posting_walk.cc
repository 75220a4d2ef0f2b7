#include "query/posting_walk.h"

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

namespace hemeroteca::search {

namespace {

constexpr Xapian::docid kEnd = std::numeric_limits<Xapian::docid>::max();
// An OR costs a step of each of its parts per match: a wildcard of hundreds of words
// over a large archive is left to Xapian's matcher (a heap, and the search's time limit).
constexpr std::size_t kMaxOrParts = 32;

} // namespace

// A node answers "the first match at or after `target`" (kEnd: none). Targets
// only grow, so every posting list is read forward once.
struct PostingWalk::Node {
    virtual ~Node() = default;
    virtual Xapian::docid skip_to(Xapian::docid target) = 0;
    // How many documents it may match at most (the rarest leads a conjunction).
    virtual Xapian::doccount bound() const = 0;
};

namespace {

using Node = PostingWalk::Node;
using Nodes = std::vector<std::unique_ptr<Node>>;

class TermNode : public Node {
public:
    TermNode(const Xapian::Database& db, const std::string& term) :
        it_(db.postlist_begin(term)), freq_(term.empty() ? db.get_doccount() : db.get_termfreq(term)) {
        if (it_ == end_) at_ = kEnd; // a term no document has
    }
    Xapian::docid skip_to(Xapian::docid target) override {
        if (at_ >= target) return at_;
        it_.skip_to(target);
        at_ = it_ == end_ ? kEnd : *it_;
        return at_;
    }
    Xapian::doccount bound() const override { return freq_; }

private:
    Xapian::PostingIterator it_;
    const Xapian::PostingIterator end_;
    Xapian::doccount freq_;
    Xapian::docid at_ = 0;
};

class NothingNode : public Node {
public:
    Xapian::docid skip_to(Xapian::docid) override { return kEnd; }
    Xapian::doccount bound() const override { return 0; }
};

class AndNode : public Node {
public:
    explicit AndNode(Nodes parts) : parts_(std::move(parts)) {
        std::sort(parts_.begin(), parts_.end(),
                  [](const auto& a, const auto& b) { return a->bound() < b->bound(); });
    }
    // Leapfrog: each part skips to the highest docid seen, until all agree.
    Xapian::docid skip_to(Xapian::docid target) override {
        Xapian::docid at = target;
        std::size_t agreed = 0;
        for (std::size_t i = 0; agreed < parts_.size(); i = (i + 1) % parts_.size()) {
            const Xapian::docid x = parts_[i]->skip_to(at);
            if (x == kEnd) return kEnd;
            if (x == at) {
                ++agreed;
            } else {
                at = x;
                agreed = 1;
            }
        }
        return at;
    }
    Xapian::doccount bound() const override { return parts_.front()->bound(); }

private:
    Nodes parts_;
};

class OrNode : public Node {
public:
    explicit OrNode(Nodes parts) : parts_(std::move(parts)) {}
    Xapian::docid skip_to(Xapian::docid target) override {
        Xapian::docid first = kEnd;
        for (auto& p : parts_) first = std::min(first, p->skip_to(target));
        return first;
    }
    Xapian::doccount bound() const override {
        Xapian::doccount n = 0;
        for (const auto& p : parts_) n += p->bound();
        return n;
    }

private:
    Nodes parts_;
};

class AndNotNode : public Node {
public:
    AndNotNode(std::unique_ptr<Node> kept, std::unique_ptr<Node> removed) :
        kept_(std::move(kept)), removed_(std::move(removed)) {}
    Xapian::docid skip_to(Xapian::docid target) override {
        for (Xapian::docid at = kept_->skip_to(target); at != kEnd; at = kept_->skip_to(at + 1))
            if (removed_->skip_to(at) != at) return at;
        return kEnd;
    }
    Xapian::doccount bound() const override { return kept_->bound(); }

private:
    std::unique_ptr<Node> kept_, removed_;
};

std::unique_ptr<Node> build(const Xapian::Database& db, const Xapian::Query& q) {
    const auto parts = [&](std::size_t from) -> Nodes {
        Nodes out;
        for (std::size_t i = from; i < q.get_num_subqueries(); ++i) {
            auto node = build(db, q.get_subquery(i));
            if (!node) return {};
            out.push_back(std::move(node));
        }
        return out;
    };
    switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM: return std::make_unique<TermNode>(db, *q.get_terms_begin());
    case Xapian::Query::LEAF_MATCH_ALL: return std::make_unique<TermNode>(db, std::string());
    case Xapian::Query::LEAF_MATCH_NOTHING: return std::make_unique<NothingNode>();
    case Xapian::Query::OP_SCALE_WEIGHT:
    case Xapian::Query::OP_AND_MAYBE: // what matches is the first part's; the rest only weighs
        return q.get_num_subqueries() == 0 ? nullptr : build(db, q.get_subquery(0));
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER: {
        Nodes all = parts(0);
        if (all.size() != q.get_num_subqueries() || all.empty()) return nullptr;
        return all.size() == 1 ? std::move(all.front()) : std::make_unique<AndNode>(std::move(all));
    }
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX: {
        if (q.get_num_subqueries() > kMaxOrParts) return nullptr;
        Nodes all = parts(0);
        if (all.size() != q.get_num_subqueries() || all.empty()) return nullptr;
        return all.size() == 1 ? std::move(all.front()) : std::make_unique<OrNode>(std::move(all));
    }
    case Xapian::Query::OP_AND_NOT: {
        if (q.get_num_subqueries() < 2) return nullptr;
        auto kept = build(db, q.get_subquery(0));
        Nodes removed = parts(1);
        if (!kept || removed.size() != q.get_num_subqueries() - 1) return nullptr;
        return std::make_unique<AndNotNode>(
            std::move(kept),
            removed.size() == 1 ? std::move(removed.front()) : std::make_unique<OrNode>(std::move(removed)));
    }
    default: return nullptr;
    }
}

} // namespace

std::unique_ptr<PostingWalk> PostingWalk::of(const Xapian::Database& db, const Xapian::Query& query) {
    auto root = build(db, query);
    return root ? std::make_unique<PostingWalk>(std::move(root)) : nullptr;
}

PostingWalk::PostingWalk(std::unique_ptr<Node> root) : root_(std::move(root)) {}

PostingWalk::~PostingWalk() = default;

Xapian::docid PostingWalk::next() {
    if (done_) return 0;
    const Xapian::docid at = root_->skip_to(last_ + 1);
    if (at == kEnd) {
        done_ = true;
        return 0;
    }
    return last_ = at;
}

} // namespace hemeroteca::search
