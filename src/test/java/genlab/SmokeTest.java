package genlab;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeTest {
    @Test void builds() { assertEquals(2, genlab.tensor.Tensor.of(new float[2], 2).data().length); }
}
