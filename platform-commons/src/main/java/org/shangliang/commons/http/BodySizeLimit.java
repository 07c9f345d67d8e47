package org.shangliang.commons.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.ProblemMappers;
import org.shangliang.commons.problem.Text;

/**
 * One body limit ({@code shangliang.http.max-body-bytes}, 256 KiB) whatever the transfer encoding,
 * answered as a 413 problem: by Content-Length before anything is read, and by counting while the
 * body is read when it comes chunked. File uploads ({@code multipart/form-data}) have their own
 * limit, {@code shangliang.http.max-upload-bytes}, for a service that takes them (none by default);
 * a resource that takes uploads checks each file's size itself. Vert.x keeps a higher hard stop
 * (quarkus.http.limits.max-body-size) only against bodies too large to buffer at all.
 */
@Provider
public class BodySizeLimit implements ReaderInterceptor {

    @ConfigProperty(name = "shangliang.http.max-body-bytes", defaultValue = "262144")
    long maxBytes;

    /** Multipart bodies (file uploads) up to this many bytes; 0: held to max-body-bytes like any other body. */
    @ConfigProperty(name = "shangliang.http.max-upload-bytes", defaultValue = "0")
    long maxUploadBytes;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request, HttpHeaders headers, UriInfo uri) {
        long limit = isUpload(request.getMediaType()) ? Math.max(maxBytes, maxUploadBytes) : maxBytes;
        if (request.getLength() > limit) {
            return Optional.of(ProblemMappers.problem(tooLarge(Text.of("请求体为 " + request.getLength() + " 字节，上限为 " + limit + " 字节",
                    "The body has " + request.getLength() + " bytes; the limit is " + limit)), headers, uri));
        }
        return Optional.empty();
    }

    private static boolean isUpload(MediaType type) {
        return type != null && "multipart".equalsIgnoreCase(type.getType()) && "form-data".equalsIgnoreCase(type.getSubtype());
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
        context.setInputStream(new Counted(context.getInputStream(), maxBytes));
        return context.proceed();
    }

    private static ApiException tooLarge(Text detail) {
        return ApiException.tooLarge(null, detail);
    }

    /** Fails as soon as more than {@code max} bytes were read. */
    private static final class Counted extends FilterInputStream {
        private final long max;
        private long read;

        Counted(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > max) {
                throw tooLarge(Text.of("请求体超过上限 " + max + " 字节", "The body is larger than the limit of " + max + " bytes"));
            }
        }
    }
}
