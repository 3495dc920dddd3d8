package id.sakip.ledger.shared.web;

/**
 * Names an aggregate that already exists for a refusal to create it again, from its identifier:
 * {@code budget:kec-jiken:2023} is the budget of kec-jiken for 2023.
 */
final class ExistingItems {

    private ExistingItems() {
    }

    static String describe(String aggregateType, String aggregateIdentifier) {
        String[] part = aggregateIdentifier == null ? new String[0] : aggregateIdentifier.split(":", 3);
        if (part.length == 3) {
            String described = switch (part[0]) {
                case "budget" -> "budget of " + part[1] + " for " + part[2];
                case "plan" -> "plan " + part[2] + " of " + part[1];
                case "lkjip" -> "LKjIP report of " + part[1] + " for " + part[2];
                default -> null;
            };
            if (described != null) {
                return described;
            }
        }
        return (aggregateType == null ? "item" : aggregateType) + " " + aggregateIdentifier;
    }
}
