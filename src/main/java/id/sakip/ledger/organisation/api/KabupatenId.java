package id.sakip.ledger.organisation.api;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A kabupaten (or kota) as the ledger names it: the slug of the name in the organisations' data
 * ({@code Blora} → {@code blora}, {@code Kota Semarang} → {@code kota-semarang}).
 *
 * @param value the slug
 */
public record KabupatenId(String value) {

    public KabupatenId {
        if (value == null || !value.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("not a kabupaten id: " + value);
        }
    }

    /** The id of a kabupaten name as written in an organisation's data; {@code null} for a blank name. */
    public static KabupatenId of(String name) {
        if (name == null) {
            return null;
        }
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("^\\s*kabupaten\\s+", "")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? null : new KabupatenId(slug);
    }

    @Override
    public String toString() {
        return value;
    }
}
