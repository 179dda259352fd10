package org.affectiveprocesses.video.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdentityGuardTest {
    private static float[] around(float[] centre, Random r, double spread) {
        float[] v = centre.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (r.nextGaussian() * spread);
        }
        return v;
    }

    private static float[] random(Random r) {
        float[] v = new float[64];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    @Test
    void aTrackKeepsItsIdFromFrameToFrameAndGetsANewOneWhenAnotherPersonComesBackOnIt() {
        Random r = new Random(5);
        IdentityGuard g = new IdentityGuard();
        float[] alice = random(r);
        float[] bob = random(r);
        int t = 0;
        for (; t < 20; t++) {
            assertThat(g.identify(7, t, around(alice, r, 0.3))).isEqualTo(new IdentityGuard.Identity(1, 0));
        }
        assertThat(g.identify(9, t, around(bob, r, 0.3))).as("another track").isEqualTo(new IdentityGuard.Identity(2, 0));
        assertThat(g.identify(7, t, around(bob, r, 0.3))).as("frame to frame: no check, whatever the face shows")
                .isEqualTo(new IdentityGuard.Identity(1, 0));
        t += 3;
        assertThat(g.identify(7, t, around(alice, r, 0.3))).as("alice back after a gap").isEqualTo(new IdentityGuard.Identity(1, 0));
        t += 3;
        assertThat(g.identify(7, t, around(bob, r, 0.3))).as("bob on track 7 after a gap").isEqualTo(new IdentityGuard.Identity(3, 1));
        assertThat(g.identify(7, t + 1, around(bob, r, 0.3)).id()).isEqualTo(3);
        assertThat(g.end(List.of(7, 9, 11))).as("ids of the ended tracks; 11 was never seen").containsExactly(3, 2);
        assertThat(g.identify(7, t + 5, around(alice, r, 0.3)).id()).as("ids are never reused").isEqualTo(4);
    }

    @Test
    void badEmbeddingsAndThresholdsAreRejected() {
        IdentityGuard g = new IdentityGuard();
        assertThatThrownBy(() -> g.identify(1, 0, new float[0])).hasMessageContaining("finite");
        assertThatThrownBy(() -> g.identify(1, 0, new float[] {Float.NaN})).hasMessageContaining("finite");
        g.identify(2, 0, new float[] {1, 0});
        assertThatThrownBy(() -> g.identify(2, 5, new float[] {1, 0, 0})).hasMessageContaining("3 values");
        assertThatThrownBy(() -> new IdentityGuard(1.0)).hasMessageContaining("cosine");
    }
}
