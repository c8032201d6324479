package dev.fmgateway.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;

/**
 * Routes every exchange: admin paths unsigned, {@code /model/...} to Bedrock and {@code /endpoints/...} to
 * SageMaker after SigV4 verification, and turns failures into the service's error envelope.
 */
final class EmulatorHandler implements HttpHandler {

    private static final Pattern CREDENTIAL_REGION = Pattern.compile("Credential=[^/,]*/[^/,]*/([^/,]*)/");
    private static final System.Logger LOG = System.getLogger(EmulatorHandler.class.getName());

    private final EmulatorSettings settings;
    private final Faults faults;
    private final RecordedRequests requests;
    private final SigV4Verifier verifier;
    private final AdminApi admin;
    private final BedrockApi bedrock = new BedrockApi();
    private final SageMakerApi sagemaker;

    EmulatorHandler(EmulatorSettings settings, Faults faults, RecordedRequests requests, SamSessions samSessions,
            Clock clock) {
        this.settings = settings;
        this.faults = faults;
        this.requests = requests;
        this.verifier = new SigV4Verifier(settings.accessKeyId(), settings.secretKey(), clock);
        this.admin = new AdminApi(faults, requests);
        this.sagemaker = new SageMakerApi(settings.sagemakerEndpoints(), samSessions);
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        try (http) {
            Exchange exchange = Exchange.read(http);
            if (exchange.rawPath().startsWith("/_emulator/")) {
                admin.handle(exchange);
                return;
            }
            Service service = exchange.rawPath().startsWith("/endpoints/") ? Service.SAGEMAKER : Service.BEDROCK;
            boolean known = exchange.rawPath().startsWith("/model/") || service == Service.SAGEMAKER;
            String region = regionOf(exchange.header("authorization"));
            requests.add(new RecordedRequest(exchange.method(), exchange.rawPath(), known ? service.signingName() : null,
                    region, exchange.headers(), exchange.body(), Instant.now()));
            serve(exchange, service, known);
        }
        catch (Call.Hang | EventStreamWriter.StreamAborted e) {
            // the connection is dropped / the stream ends here on purpose
        }
        catch (UncheckedIOException e) {
            requests.clientDisconnected();
            LOG.log(System.Logger.Level.DEBUG, "client went away", e);
        }
    }

    private void serve(Exchange exchange, Service service, boolean known) {
        try {
            if (!known) {
                throw ApiException.unknownOperation();
            }
            SigV4Verifier.Scope scope = verifier.verify(exchange.method(), exchange.rawPath(), exchange.rawQuery(),
                    exchange.headers(), exchange.body(), service);
            Call call = new Call(exchange, service, scope.region(), settings, faults);
            if (service == Service.BEDROCK) {
                bedrock.handle(call);
            }
            else {
                sagemaker.handle(call);
            }
        }
        catch (ApiException e) {
            answer(exchange, service, e);
        }
        catch (RuntimeException e) {
            if (e instanceof Call.Hang || e instanceof EventStreamWriter.StreamAborted || e instanceof UncheckedIOException) {
                throw e;
            }
            if (exchange.responded() && e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            LOG.log(System.Logger.Level.WARNING, "emulator failure", e);
            answer(exchange, service, service == Service.BEDROCK
                    ? new ApiException(500, "InternalServerException", "Emulator failure: " + e)
                    : new ApiException(500, "InternalFailure", "Emulator failure: " + e));
        }
    }

    private static void answer(Exchange exchange, Service service, ApiException error) {
        if (exchange.responded()) {
            LOG.log(System.Logger.Level.WARNING, "error after the answer started: " + error.getMessage());
            return;
        }
        exchange.sendError(service, error);
    }

    private static @Nullable String regionOf(@Nullable String authorization) {
        if (authorization == null) {
            return null;
        }
        Matcher matcher = CREDENTIAL_REGION.matcher(authorization);
        return matcher.find() ? matcher.group(1) : null;
    }
}
