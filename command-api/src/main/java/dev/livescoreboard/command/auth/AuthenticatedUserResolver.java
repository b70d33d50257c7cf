package dev.livescoreboard.command.auth;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands the caller stored by {@link AuthInterceptor} to controller parameters. */
class AuthenticatedUserResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == AuthenticatedUser.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    Object caller =
        webRequest.getAttribute(AuthInterceptor.CALLER, RequestAttributes.SCOPE_REQUEST);
    if (caller == null) {
      // A controller outside /api/** asked for a caller: a wiring mistake, not a client error.
      throw new IllegalStateException("no authenticated caller on this request");
    }
    return caller;
  }
}
