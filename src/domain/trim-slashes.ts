/**
 * `path` without its trailing slashes ('/' stays '/'). A loop, not `/\/+$/`: that pattern retries
 * from every slash of a long run and costs quadratic time on a path of thousands of slashes.
 */
export function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47) end -= 1;
  return path.slice(0, end);
}
