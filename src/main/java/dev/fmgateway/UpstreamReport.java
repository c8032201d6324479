package dev.fmgateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * The first lines a starting gateway logs: its mode, where its calls go and which credential source signs them
 * (named, never shown). Runs as soon as the environment is read, before the banner and any bean.
 */
class UpstreamReport implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Log log = LogFactory.getLog(UpstreamReport.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        GatewayMode mode = GatewayMode.of(environment);
        for (String line : lines(mode, environment, System.getenv())) {
            log.info(line);
        }
    }

    static List<String> lines(GatewayMode mode, Environment environment, Map<String, String> env) {
        List<String> lines = new ArrayList<>();
        if (mode == GatewayMode.EMULATOR) {
            lines.add("gateway.mode=emulator: every call goes to the built-in emulator (synthetic answers, no AWS)");
            return lines;
        }
        lines.add("gateway.mode=aws: calls go to AWS");
        lines.add("  Bedrock Runtime: " + endpoint(environment, "gateway.aws.bedrock-endpoint",
                "https://bedrock-runtime.{region}.amazonaws.com"));
        lines.add("  SageMaker Runtime: " + endpoint(environment, "gateway.aws.sagemaker-endpoint",
                "https://runtime.sagemaker.{region}.amazonaws.com"));
        lines.add("  credentials: " + credentialSource(env, System.getProperty("aws.accessKeyId") != null));
        return lines;
    }

    private static String endpoint(Environment environment, String property, String standard) {
        String override = environment.getProperty(property);
        return override == null || override.isBlank() ? standard + " (the public regional endpoint)"
                : override + " (" + property + ")";
    }

    /** Which link of the SDK's default chain will answer first, judged from what is set (no network call). */
    static String credentialSource(Map<String, String> env, boolean systemProperties) {
        if (systemProperties) {
            return "Java system properties (aws.accessKeyId)";
        }
        if (env.containsKey("AWS_ACCESS_KEY_ID")) {
            return "environment variables (AWS_ACCESS_KEY_ID" + (env.containsKey("AWS_SESSION_TOKEN")
                    ? ", AWS_SESSION_TOKEN)" : ")");
        }
        if (env.containsKey("AWS_WEB_IDENTITY_TOKEN_FILE")) {
            return "web identity token (AWS_WEB_IDENTITY_TOKEN_FILE, e.g. EKS IRSA) for role "
                    + env.getOrDefault("AWS_ROLE_ARN", "(AWS_ROLE_ARN unset)");
        }
        if (env.containsKey("AWS_PROFILE")) {
            return "shared config profile '" + env.get("AWS_PROFILE") + "' (AWS_PROFILE)";
        }
        if (env.containsKey("AWS_CONTAINER_CREDENTIALS_FULL_URI")
                || env.containsKey("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
            return "container credentials endpoint (ECS task role or EKS Pod Identity)";
        }
        return "SDK default chain: the default profile in ~/.aws, else the instance role (EC2 metadata)";
    }
}
