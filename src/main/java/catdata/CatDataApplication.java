package catdata;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import catdata.adoption.DryRunFinished;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CatDataApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(CatDataApplication.class, args);
        } catch (RuntimeException e) {
            if (DryRunFinished.isCauseOf(e)) {
                // ADOPT_DRY_RUN: the summary is printed and nothing was changed; that is success.
                System.exit(0);
            }
            throw e;
        }
    }
}
