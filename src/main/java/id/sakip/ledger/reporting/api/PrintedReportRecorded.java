package id.sakip.ledger.reporting.api;

import java.util.Map;

import org.axonframework.serialization.Revision;

/** The figures a published LKjIP printed were recorded, verbatim, with the document they come from. */
@Revision("1")
public record PrintedReportRecorded(String organisationId, int year, String source, Map<String, Object> printed,
                                    Map<String, Object> amendment) {
}
