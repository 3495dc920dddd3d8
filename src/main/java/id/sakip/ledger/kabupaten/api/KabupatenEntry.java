package id.sakip.ledger.kabupaten.api;

/**
 * A kabupaten as listed: its id (the slug of its name), its name as its organisations' data writes it,
 * and how many organisations belong to it.
 *
 * @param id            the kabupaten id, e.g. {@code blora}
 * @param name          the name, e.g. {@code Blora}
 * @param organisations the number of organisations (OPD) registered in it
 */
public record KabupatenEntry(String id, String name, int organisations) {
}
