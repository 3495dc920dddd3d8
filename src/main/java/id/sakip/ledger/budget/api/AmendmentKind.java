package id.sakip.ledger.budget.api;

/**
 * Kinds of budget amendment: DPA Perubahan (the mid-year amendment), pergeseran (a shift between
 * lines that keeps the organisation's total) and refocusing (re-prioritisation by decree).
 */
public enum AmendmentKind {
    PERUBAHAN,
    PERGESERAN,
    REFOCUSING
}
