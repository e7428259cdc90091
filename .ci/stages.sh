# Sourced by .ci/run and test/run-all.sh: `stage NAME` prints a header and starts timing NAME; at exit the time of
# each stage is printed (with the exit code). Under .ci/run the test stages are also appended to the file named by
# RESET_KIOSK_STAGE_LOG, so .ci/run's own summary at its end lists every stage of the run.
STAGE_NAME=''
STAGE_START=$SECONDS
STAGE_LINES=()
STAGE_T0=$SECONDS

stage_end() {
  [ -n "$STAGE_NAME" ] || return 0
  local line
  line=$(printf '%6ss  %s' "$((SECONDS - STAGE_START))" "$STAGE_NAME")
  STAGE_LINES+=("$line")
  if [ -n "${RESET_KIOSK_STAGE_LOG:-}" ] && [ "${STAGE_TOP:-}" != 1 ]; then
    printf '%6ss  npm test › %s\n' "$((SECONDS - STAGE_START))" "$STAGE_NAME" >>"$RESET_KIOSK_STAGE_LOG"
  fi
  STAGE_NAME=''
}

stage() {
  stage_end
  STAGE_NAME="$*"
  STAGE_START=$SECONDS
  printf '\n=== %s\n' "$*"
}

stage_summary() {
  local rc=$?
  stage_end
  printf '\n=== time per stage (%s)\n' "$1"
  printf '%s\n' "${STAGE_LINES[@]}"
  if [ "${STAGE_TOP:-}" = 1 ] && [ -s "${RESET_KIOSK_STAGE_LOG:-}" ]; then cat "$RESET_KIOSK_STAGE_LOG"; fi
  printf '%6ss  total, exit code %s\n' "$((SECONDS - STAGE_T0))" "$rc"
  return "$rc"
}
