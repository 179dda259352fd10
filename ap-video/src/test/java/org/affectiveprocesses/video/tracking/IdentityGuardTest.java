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
    void aTrackKeepsItsIdWhileItsFaceLooksTheSameAndGetsANewOneWhenAnotherPersonTakesItOver() {
        Random r = new Random(5);
        IdentityGuard g = new IdentityGuard();
        float[] alice = random(r);
        float[] bob = random(r);
        for (int t = 0; t < 20; t++) {
            assertThat(g.identify(7, around(alice, r, 0.3))).isEqualTo(new IdentityGuard.Identity(1, 0));
        }
        assertThat(g.identify(9, around(bob, r, 0.3))).as("another track").isEqualTo(new IdentityGuard.Identity(2, 0));
        assertThat(g.identify(7, around(bob, r, 0.3))).as("track 7 now shows bob").isEqualTo(new IdentityGuard.Identity(3, 1));
        assertThat(g.identify(7, around(bob, r, 0.3)).id()).isEqualTo(3);
        assertThat(g.end(List.of(7, 9, 11))).as("ids of the ended tracks; 11 was never seen").containsExactly(3, 2);
        assertThat(g.identify(7, around(alice, r, 0.3)).id()).as("ids are never reused").isEqualTo(4);
    }

    @Test
    void badEmbeddingsAndThresholdsAreRejected() {
        IdentityGuard g = new IdentityGuard();
        assertThatThrownBy(() -> g.identify(1, new float[0])).hasMessageContaining("finite");
        assertThatThrownBy(() -> g.identify(1, new float[] {Float.NaN})).hasMessageContaining("finite");
        g.identify(2, new float[] {1, 0});
        assertThatThrownBy(() -> g.identify(2, new float[] {1, 0, 0})).hasMessageContaining("3 values");
        assertThatThrownBy(() -> new IdentityGuard(1.0)).hasMessageContaining("cosine");
    }
}
