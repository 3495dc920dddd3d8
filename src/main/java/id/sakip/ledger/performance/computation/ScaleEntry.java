package id.sakip.ledger.performance.computation;

import java.time.Instant;
import java.util.List;

/**
 * One scale as it was recorded for a kabupaten or an organisation: its kind, first year, legal basis,
 * reason, bands, and who recorded it when.
 */
public record ScaleEntry(ScaleKind kind, int effectiveFrom, String legalBasis, String reason, CategoryScale scale,
                         Instant recordedAt, String recordedBy) {

    /**
     * The entry in force for a year as of an instant ({@code null}: now): of those recorded by then, the
     * one of the kind with the highest {@code effectiveFrom} not after the year, the later recorded of two
     * for the same year; {@code null} when there is none.
     */
    public static ScaleEntry inForce(List<ScaleEntry> recordedInOrder, ScaleKind kind, int year, Instant asOf) {
        ScaleEntry found = null;
        for (ScaleEntry e : recordedInOrder) {
            if (e.kind() == kind && e.effectiveFrom() <= year && (asOf == null || !e.recordedAt().isAfter(asOf))
                    && (found == null || e.effectiveFrom() >= found.effectiveFrom())) {
                found = e;
            }
        }
        return found;
    }
}
