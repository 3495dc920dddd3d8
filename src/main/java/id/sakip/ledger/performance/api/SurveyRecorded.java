package id.sakip.ledger.performance.api;

import java.math.BigDecimal;
import java.util.List;

import org.axonframework.serialization.Revision;

/** A satisfaction survey was recorded: its responses, the SKM computed from them and its mutu grade. */
@Revision("1")
public record SurveyRecorded(String organisationId, String planId, String indicatorId, int year, String surveyId,
                             String period, int respondents, List<List<Integer>> responses, BigDecimal skm,
                             String grade) {
}
