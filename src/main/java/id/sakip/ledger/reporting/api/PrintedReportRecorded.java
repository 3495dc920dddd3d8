package id.sakip.ledger.reporting.api;

import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * The tables a published LKjIP of a year printed were recorded, verbatim, with the document they come
 * from. Revision 1 held the keyed {@code printed} and {@code amendment} maps; it is upcast to tables.
 */
@Revision("2")
public record PrintedReportRecorded(String organisationId, int year, String source, List<PrintedTable> tables) {
}
