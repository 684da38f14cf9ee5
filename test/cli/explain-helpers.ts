/** kubectl exec -it web-0 -- sh in namespace prod, as kube-apiserver receives it. */
export const EXEC_URL = 'GET /api/v1/namespaces/prod/pods/web-0/exec?command=sh&stdin=true&tty=true';
