package catdata.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;


class DataSizesTest {

    @ParameterizedTest
    @CsvSource({"10MB, 10MB", "512KB, 512KB", "1GB, 1GB", "1536KB, 1536KB", "1000B, 1000B", "20MB, 20MB"})
    void limitsReadAsTheOperatorWroteThem(String configured, String shown) {
        assertThat(DataSizes.format(DataSize.parse(configured))).isEqualTo(shown);
    }
}
