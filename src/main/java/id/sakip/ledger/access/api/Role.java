package id.sakip.ledger.access.api;

/**
 * What a user may do: a treasurer records and reverses realisations; a planner sets plans, targets,
 * adopts and amends budgets and imports; an auditor reads everything and writes nothing; an admin
 * manages users and rebuilds and acts on every organisation.
 */
public enum Role {
    TREASURER,
    PLANNER,
    AUDITOR,
    ADMIN
}
