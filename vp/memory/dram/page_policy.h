// What the controller does with a row after an access: open page keeps it open (the next
// access to it is a row hit, to another row of the bank a conflict); closed page
// precharges it (READ/WRITE with auto-precharge) after the access's last burst to that
// row, so every access pays tRCD but never tRP on the critical path.
#pragma once

#include <memory>

#include "vp/memory/dram/dram_params.h"

namespace vp {

class PagePolicy {
public:
    virtual ~PagePolicy() = default;
    // After a run of bursts to one row, when the transaction leaves that row (or ends).
    virtual bool close_after_access() const = 0;
};

class OpenPage final : public PagePolicy {
public:
    bool close_after_access() const override { return false; }
};

class ClosedPage final : public PagePolicy {
public:
    bool close_after_access() const override { return true; }
};

inline std::unique_ptr<PagePolicy> make_page_policy(PagePolicyKind kind) {
    if (kind == PagePolicyKind::Closed) return std::make_unique<ClosedPage>();
    return std::make_unique<OpenPage>();
}

}  // namespace vp
