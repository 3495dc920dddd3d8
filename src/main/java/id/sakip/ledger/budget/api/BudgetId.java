package id.sakip.ledger.budget.api;

/** The identifier of one organisation's budget for one fiscal year. */
public final class BudgetId {

    private BudgetId() {
    }

    public static String of(String organisationId, int fiscalYear) {
        return "budget:" + organisationId + ":" + fiscalYear;
    }
}
