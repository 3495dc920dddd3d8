package id.sakip.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

import id.sakip.ledger.eventstore.ProjectionLag.SegmentPosition;

/** A projection is as far as its slowest segment, and not caught up while any part of the log has no segment. */
class ProjectionLagTest {

    private static final Segment[] HALVES = Segment.ROOT_SEGMENT.split();
    private static final Segment[] QUARTERS_OF_SECOND_HALF = HALVES[1].split();

    private static SegmentPosition at(Segment segment, long position) {
        return new SegmentPosition(segment, position, false);
    }

    @Test
    void aProcessorIsAsFarAsItsSlowestSegment() {
        assertThat(ProjectionLag.least(List.of(at(HALVES[0], 40), at(HALVES[1], 25)))).isEqualTo(25);
        assertThat(ProjectionLag.least(List.of(at(Segment.ROOT_SEGMENT, 40)))).isEqualTo(40);
    }

    @Test
    void segmentsLeavingAPartOfTheLogUncoveredDoNotCover() {
        assertThat(ProjectionLag.covers(List.of(at(HALVES[0], 40)))).as("one of two halves").isFalse();
        assertThat(ProjectionLag.covers(List.of(at(HALVES[0], 40), at(QUARTERS_OF_SECOND_HALF[0], 40))))
                .as("a half and a quarter").isFalse();
        assertThat(ProjectionLag.covers(List.of())).isFalse();
        assertThat(ProjectionLag.covers(List.of(at(Segment.ROOT_SEGMENT, 0)))).isTrue();
    }

    @Test
    void segmentsOfDifferentWidthsThatCoverTheLogCount() {
        List<SegmentPosition> parts = List.of(at(HALVES[0], 40), at(QUARTERS_OF_SECOND_HALF[0], 30),
                at(QUARTERS_OF_SECOND_HALF[1], 35));
        assertThat(ProjectionLag.covers(parts)).isTrue();
        assertThat(ProjectionLag.least(parts)).isEqualTo(30);
    }

    @Test
    void aSegmentInErrorLeavesTheProcessorFullyBehind() {
        assertThat(ProjectionLag.least(List.of(at(HALVES[0], 40), new SegmentPosition(HALVES[1], 40, true))))
                .isZero();
    }
}
