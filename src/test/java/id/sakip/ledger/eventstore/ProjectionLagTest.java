package id.sakip.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.OptionalLong;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

/** A projection is as far as its slowest segment, and not caught up while any part of the log has no segment reporting. */
class ProjectionLagTest {

    private static final Segment[] HALVES = Segment.ROOT_SEGMENT.split();
    private static final Segment[] QUARTERS_OF_SECOND_HALF = HALVES[1].split();

    private static Segment segment(int id, int mask) {
        for (Segment s : List.of(Segment.ROOT_SEGMENT, HALVES[0], HALVES[1], QUARTERS_OF_SECOND_HALF[0],
                QUARTERS_OF_SECOND_HALF[1])) {
            if (s.getSegmentId() == id && s.getMask() == mask) {
                return s;
            }
        }
        throw new IllegalArgumentException("no segment " + id + "/" + mask);
    }

    private static EventTrackerStatus segment(int id, int mask, long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        Segment segment = segment(id, mask);
        when(status.getSegment()).thenReturn(segment);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        return status;
    }

    @Test
    void aProcessorIsAsFarAsItsSlowestSegment() {
        assertThat(ProjectionLag.position(List.of(segment(0, 1, 40), segment(1, 1, 25)))).isEqualTo(25);
        assertThat(ProjectionLag.position(List.of(segment(0, 0, 40)))).isEqualTo(40);
    }

    @Test
    void aSegmentNotYetReportingLeavesTheProcessorFullyBehind() {
        assertThat(ProjectionLag.position(List.of(segment(0, 1, 40)))).as("one of two segments").isZero();
        assertThat(ProjectionLag.position(List.of(segment(0, 1, 40), segment(1, 3, 40))))
                .as("a half and a quarter").isZero();
        assertThat(ProjectionLag.position(List.of())).isZero();
    }

    @Test
    void segmentsOfDifferentWidthsThatCoverTheLogCount() {
        assertThat(ProjectionLag.position(List.of(segment(0, 1, 40), segment(1, 3, 30), segment(3, 3, 35))))
                .isEqualTo(30);
    }

    @Test
    void aSegmentInErrorLeavesTheProcessorFullyBehind() {
        EventTrackerStatus failed = segment(1, 1, 40);
        when(failed.isErrorState()).thenReturn(true);
        assertThat(ProjectionLag.position(List.of(segment(0, 1, 40), failed))).isZero();
    }
}
