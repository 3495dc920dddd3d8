package id.sakip.ledger.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/** The API description served at {@code /v3/api-docs} (and {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    public OpenAPI ledgerOpenApi() {
        return new OpenAPI().info(new Info().title("Ledger API")
                .description("Event-sourced audit ledger for OPD budgets (DPA) and SAKIP performance (LKjIP). "
                        + "Money is an integer number of rupiah; percentages are numbers with 2 decimals. "
                        + "Refusals are RFC 7807 application/problem+json (schema ApiProblem) naming the rule in "
                        + "`code`: 400 malformed request, 401 not signed in, 403 role, 404 unknown id, 409 rule or "
                        + "conflict, 422 invalid value, 503 store or sign-in unavailable (retry after Retry-After).")
                .version("v1"));
    }
}
