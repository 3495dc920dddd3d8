package id.sakip.ledger.eventstore;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the signed checkpoints said about the log: how many are validly signed, the latest, the latest that
 * the log still matches, the first it no longer matches, and every line of the checkpoint file that is not
 * validly signed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckpointStatus(String keyId, int signed, Long latestSequence, String latestTime,
                               Long matchingSequence, String matchingTime, Long mismatchSequence,
                               String mismatchTime, List<String> problems) {
}
